using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Rizquna.Connectors.Meta.Webhooks;

/// <summary>
/// Checks Meta webhook requests, independent of any web framework (platform-contracts.md §1.8): the GET verification
/// handshake and the <c>X-Hub-Signature-256</c> HMAC over the raw body. Secrets are compared in constant time.
/// </summary>
public sealed class MetaWebhookVerifier
{
    /// <summary>The signature header name.</summary>
    public const string SignatureHeader = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";
    private readonly IOptionsMonitor<MetaOptions> _options;

    /// <summary>Creates a verifier that reads the app secret and verify token from the options.</summary>
    public MetaWebhookVerifier(IOptionsMonitor<MetaOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>
    /// The verification handshake: returns the <c>hub.challenge</c> to answer with (HTTP 200, raw text) when
    /// <c>hub.mode</c> is <c>subscribe</c> and <c>hub.verify_token</c> matches <see cref="MetaOptions.WebhookVerifyToken"/>;
    /// otherwise null (answer 403).
    /// </summary>
    public string? VerifyHandshake(string? mode, string? verifyToken, string? challenge) =>
        VerifyHandshake(mode, verifyToken, challenge, _options.CurrentValue.WebhookVerifyToken);

    /// <summary>The handshake against an explicit expected token; see <see cref="VerifyHandshake(string?, string?, string?)"/>.</summary>
    public static string? VerifyHandshake(string? mode, string? verifyToken, string? challenge, string? expectedToken)
    {
        if (!string.Equals(mode, "subscribe", StringComparison.Ordinal) || string.IsNullOrEmpty(challenge)
            || string.IsNullOrEmpty(expectedToken) || verifyToken is null)
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(verifyToken), Encoding.UTF8.GetBytes(expectedToken)) ? challenge : null;
    }

    /// <summary>
    /// True when <paramref name="signatureHeader"/> (<c>sha256={hex}</c>) is the HMAC-SHA256 of the exact raw body bytes
    /// under <see cref="MetaOptions.AppSecret"/>. A missing header or secret is never valid.
    /// </summary>
    public bool VerifySignature(ReadOnlySpan<byte> rawBody, string? signatureHeader) =>
        VerifySignature(rawBody, signatureHeader, _options.CurrentValue.AppSecret);

    /// <summary>The signature check against an explicit app secret; see <see cref="VerifySignature(ReadOnlySpan{byte}, string?)"/>.</summary>
    public static bool VerifySignature(ReadOnlySpan<byte> rawBody, string? signatureHeader, string? appSecret)
    {
        if (string.IsNullOrEmpty(appSecret) || signatureHeader is null
            || !signatureHeader.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hex = signatureHeader.AsSpan(Prefix.Length).Trim();
        if (hex.Length != 64)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(hex, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), rawBody, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
