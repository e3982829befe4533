using System.Text;
using System.Text.RegularExpressions;

namespace Rizquna.Http;

/// <summary>
/// Removes secrets from text that may reach a log, an exception message or a stored body: token-bearing query
/// parameters, Telegram's <c>/bot&lt;token&gt;/</c> path segment, and any secret values the caller names.
/// </summary>
public static partial class SecretRedactor
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "***";

    /// <summary>
    /// Redacts query parameters that carry secrets (<c>access_token</c>, <c>input_token</c>, <c>appsecret_proof</c>,
    /// <c>client_secret</c>, <c>refresh_token</c>, <c>code</c>, <c>sign</c>, …) and a Telegram bot token in the path.
    /// </summary>
    public static string RedactUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var redacted = SecretQueryParameter().Replace(url, m => m.Groups["name"].Value + "=" + Mask);
        return BotTokenSegment().Replace(redacted, "/bot" + Mask);
    }

    /// <summary>Redacts a URI; see <see cref="RedactUrl(string)"/>.</summary>
    public static string RedactUrl(Uri? url) => url is null ? string.Empty : RedactUrl(url.OriginalString);

    /// <summary>Replaces every occurrence of each non-empty secret in <paramref name="text"/>, then applies <see cref="RedactUrl(string)"/>.</summary>
    public static string Redact(string? text, params ReadOnlySpan<string?> secrets)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var builder = new StringBuilder(text);
        foreach (var secret in secrets)
        {
            // Very short values would mask ordinary words; real secrets are long.
            if (!string.IsNullOrEmpty(secret) && secret.Length >= 6)
            {
                builder.Replace(secret, Mask);
            }
        }

        return RedactUrl(builder.ToString());
    }

    [GeneratedRegex(@"(?<name>(?<![A-Za-z0-9])(?:access_token|upload_token|bot_token|secret|password|input_token|appsecret_proof|client_secret|refresh_token|fb_exchange_token|code|sign|api_key|apikey|token)(?![A-Za-z0-9]))=[^&#\s""']*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretQueryParameter();

    [GeneratedRegex(@"/bot\d+:[A-Za-z0-9_-]+", RegexOptions.CultureInvariant)]
    private static partial Regex BotTokenSegment();
}
