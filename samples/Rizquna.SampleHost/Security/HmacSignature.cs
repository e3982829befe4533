using System.Security.Cryptography;
using System.Text;

namespace Rizquna.SampleHost.Security;

/// <summary>
/// The host's signing scheme, used both for generator webhooks (inbound) and n8n events (outbound):
/// <c>sha256=hex(HMAC-SHA256(secret, "{unix-seconds}." + raw body))</c>. Binding the timestamp into the MAC makes a
/// captured delivery useless outside the tolerance window.
/// </summary>
public static class HmacSignature
{
    /// <summary>Header carrying the signature.</summary>
    public const string SignatureHeader = "X-Rizquna-Signature";

    /// <summary>Header carrying the unix-seconds timestamp that was signed.</summary>
    public const string TimestampHeader = "X-Rizquna-Timestamp";

    /// <summary>Computes <c>sha256=…</c> for a body and timestamp.</summary>
    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>Checks a presented <c>sha256=…</c> value in constant time.</summary>
    public static bool Verify(string secret, long unixSeconds, ReadOnlySpan<byte> body, string? presented)
    {
        if (string.IsNullOrEmpty(presented) || string.IsNullOrEmpty(secret))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, unixSeconds, body));
        var actual = Encoding.ASCII.GetBytes(presented.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>Checks a hex HMAC of the raw body (platform webhooks: Meta SHA-256, WAHA SHA-512) in constant time.</summary>
    public static bool VerifyHex(HashAlgorithmName algorithm, string secret, ReadOnlySpan<byte> body, string? presentedHex)
    {
        if (string.IsNullOrEmpty(presentedHex) || string.IsNullOrEmpty(secret))
        {
            return false;
        }

        var key = Encoding.UTF8.GetBytes(secret);
        var mac = algorithm == HashAlgorithmName.SHA512 ? HMACSHA512.HashData(key, body) : HMACSHA256.HashData(key, body);
        var expected = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(mac));
        var actual = Encoding.ASCII.GetBytes(presentedHex.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>Constant-time equality of two secrets (Telegram's secret token, Meta's verify token).</summary>
    public static bool SecretEquals(string? expected, string? presented)
    {
        if (string.IsNullOrEmpty(expected) || presented is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)),
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }
}
