using System.Globalization;

namespace Rizquna.SampleHost.Composition;

/// <summary>
/// Account credentials from configuration (<c>Rizquna:Credentials:&lt;platform&gt;/&lt;account&gt;:AccessToken</c>,
/// optional <c>RefreshToken</c> and <c>ExpiresAt</c>) — put them in user secrets or environment variables, never in
/// appsettings.json. Connectors that refresh tokens save the new ones back to this store.
/// </summary>
internal static class CredentialsFromConfiguration
{
    public const string Section = "Rizquna:Credentials";

    public static InMemoryCredentialStore Load(IConfiguration configuration)
    {
        var store = new InMemoryCredentialStore();
        foreach (var entry in configuration.GetSection(Section).GetChildren())
        {
            var token = entry["AccessToken"];
            var parts = entry.Key.Split('/', 2);
            if (string.IsNullOrEmpty(token) || parts.Length != 2 || !PlatformId.TryParse(parts[0], out var platform))
            {
                continue;
            }

            store.Set(new AccountRef(platform, parts[1], entry["PlatformAccountId"] ?? parts[1]), new PlatformCredential(token)
            {
                RefreshToken = entry["RefreshToken"],
                ExpiresAt = DateTimeOffset.TryParse(entry["ExpiresAt"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
            });
        }

        return store;
    }
}
