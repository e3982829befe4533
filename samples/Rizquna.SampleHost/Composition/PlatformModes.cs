namespace Rizquna.SampleHost.Composition;

/// <summary>
/// Which platforms are live (credentials configured) and which run dry (requests recorded, never sent). Decided once
/// from configuration at start, logged plainly, and shown on <c>/health</c> and the dashboard.
/// </summary>
public sealed class PlatformModes
{
    private readonly Dictionary<string, PlatformMode> _modes;

    private PlatformModes(Dictionary<string, PlatformMode> modes) => _modes = modes;

    /// <summary>Every platform the host knows, by id.</summary>
    public IReadOnlyDictionary<string, PlatformMode> All => _modes;

    /// <summary>Whether the platform is live.</summary>
    public bool IsLive(string platform) => _modes.TryGetValue(platform, out var mode) && mode.Live;

    /// <summary>Reads configuration: Telegram needs a bot token, WAHA a base address, Meta and TikTok account credentials.</summary>
    public static PlatformModes From(IConfiguration configuration)
    {
        var credentials = configuration.GetSection(CredentialsFromConfiguration.Section).GetChildren()
            .Where(static c => !string.IsNullOrEmpty(c["AccessToken"]))
            .Select(static c => c.Key.Split('/')[0].ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        var telegram = !string.IsNullOrEmpty(configuration["Rizquna:Telegram:BotToken"]);
        var waha = !string.IsNullOrEmpty(configuration["Rizquna:Waha:BaseAddress"]);
        var tiktok = credentials.Contains("tiktok") && !string.IsNullOrEmpty(configuration["Rizquna:TikTok:ClientKey"]);
        var modes = new Dictionary<string, PlatformMode>(StringComparer.Ordinal)
        {
            ["telegram"] = new(telegram, telegram ? null : "no Rizquna:Telegram:BotToken"),
            ["whatsapp"] = new(waha, waha ? null : "no Rizquna:Waha:BaseAddress"),
            ["facebook"] = new(credentials.Contains("facebook"), credentials.Contains("facebook") ? null : "no Rizquna:Credentials:facebook/<account>:AccessToken"),
            ["instagram"] = new(credentials.Contains("instagram"), credentials.Contains("instagram") ? null : "no Rizquna:Credentials:instagram/<account>:AccessToken"),
            ["tiktok"] = new(tiktok, tiktok ? null : "no Rizquna:TikTok:ClientKey and Rizquna:Credentials:tiktok/<account>:AccessToken"),
        };
        return new PlatformModes(modes);
    }
}

/// <summary>One platform's mode.</summary>
/// <param name="Live">Calls the platform.</param>
/// <param name="Reason">Why it is dry-run.</param>
public sealed record PlatformMode(bool Live, string? Reason)
{
    /// <summary><c>live</c> or <c>dry-run</c>.</summary>
    public string Name => Live ? "live" : "dry-run";
}
