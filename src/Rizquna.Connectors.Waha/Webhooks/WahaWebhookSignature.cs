using System.Security.Cryptography;
using System.Text;

namespace Rizquna.Connectors.Waha;

/// <summary>Outcome of checking a webhook's signature.</summary>
public enum WahaSignatureCheck
{
    /// <summary>The signature matches the body.</summary>
    Valid,
    /// <summary>No <c>X-Webhook-Hmac</c> header.</summary>
    Missing,
    /// <summary>The <c>X-Webhook-Hmac-Algorithm</c> header is absent or not <c>sha512</c>.</summary>
    WrongAlgorithm,
    /// <summary>The signature does not match (tampered body or wrong key).</summary>
    Mismatch,
}

/// <summary>
/// Verifies WAHA's webhook signature: <c>X-Webhook-Hmac: hex(HMAC-SHA512(key, raw body))</c> with
/// <c>X-Webhook-Hmac-Algorithm: sha512</c>. The comparison takes the same time wherever the first difference is.
/// </summary>
public static class WahaWebhookSignature
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Webhook-Hmac";

    /// <summary>The algorithm header.</summary>
    public const string AlgorithmHeader = "X-Webhook-Hmac-Algorithm";

    /// <summary>The only algorithm WAHA uses.</summary>
    public const string Algorithm = "sha512";

    /// <summary>Checks <paramref name="signature"/> (hex) and <paramref name="algorithm"/> against the raw <paramref name="body"/>.</summary>
    public static WahaSignatureCheck Verify(ReadOnlySpan<byte> body, string? signature, string? algorithm, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (string.IsNullOrWhiteSpace(signature))
        {
            return WahaSignatureCheck.Missing;
        }

        if (!string.Equals(algorithm?.Trim(), Algorithm, StringComparison.OrdinalIgnoreCase))
        {
            return WahaSignatureCheck.WrongAlgorithm;
        }

        Span<byte> expected = stackalloc byte[HMACSHA512.HashSizeInBytes];
        HMACSHA512.HashData(Encoding.UTF8.GetBytes(key), body, expected);

        Span<byte> given = stackalloc byte[HMACSHA512.HashSizeInBytes];
        var hex = signature.AsSpan().Trim();
        if (hex.Length != HMACSHA512.HashSizeInBytes * 2
            || Convert.FromHexString(hex, given, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != given.Length)
        {
            return WahaSignatureCheck.Mismatch; // the length of a hex digest is public; no timing to protect here
        }

        return CryptographicOperations.FixedTimeEquals(expected, given) ? WahaSignatureCheck.Valid : WahaSignatureCheck.Mismatch;
    }

    /// <summary>The signature WAHA would send for <paramref name="body"/> (lower-case hex), for fakes and tests.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(key), body));
    }
}
