using System.Security.Cryptography;
using System.Text;

namespace Rizquna;

/// <summary>
/// The secrets an account uses. Never printed: <see cref="ToString"/> shows only a fingerprint.
/// </summary>
public sealed record PlatformCredential
{
    /// <summary>Creates a credential.</summary>
    /// <exception cref="ArgumentException">The access token is empty.</exception>
    public PlatformCredential(string accessToken)
    {
        if (string.IsNullOrEmpty(accessToken))
        {
            throw new ArgumentException("An access token must not be empty.", nameof(accessToken));
        }

        AccessToken = accessToken;
    }

    /// <summary>The token sent with each call (Page token, bot token, WAHA API key…).</summary>
    public string AccessToken { get; }

    /// <summary>A refresh token, for platforms that rotate access tokens (TikTok).</summary>
    public string? RefreshToken { get; init; }

    /// <summary>When the access token expires, when known.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When the refresh token expires, when known.</summary>
    public DateTimeOffset? RefreshExpiresAt { get; init; }

    /// <summary>Other non-secret or secret settings of the account (e.g. <c>page_id</c>).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = Post.EmptyMetadata;

    /// <summary>
    /// A short, non-reversible identity of the access and refresh tokens: changes when the credential changes, safe to log and store.
    /// </summary>
    public string Fingerprint
    {
        get
        {
            var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(AccessToken + "\n" + RefreshToken));
            return Convert.ToHexStringLower(bytes.AsSpan(0, 8));
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"PlatformCredential {{ Fingerprint = {Fingerprint}, ExpiresAt = {ExpiresAt:O} }}";

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Fingerprint = ").Append(Fingerprint);
        return true;
    }
}
