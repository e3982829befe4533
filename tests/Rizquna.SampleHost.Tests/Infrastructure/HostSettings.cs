namespace Rizquna.SampleHost.Tests.Infrastructure;

/// <summary>Settings most tests share: two channels, one generator source.</summary>
public static class HostSettings
{
    public const string GeneratorSecret = "generator-secret-0123456789abcdef";

    public static Dictionary<string, string?> WithChannels(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Rizquna:Autopost:Channels:telegram/001"] = "-1001234567890",
            ["Rizquna:Autopost:Channels:facebook/001"] = "111111111111111",
            ["Rizquna:Autopost:DefaultChannels:0"] = "telegram/001",
            ["Rizquna:Webhooks:Sources:scores:Secret"] = GeneratorSecret,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
