using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Rizquna.Connectors.Meta.Graph;

/// <summary>
/// <c>appsecret_proof</c> = lowercase hex HMAC-SHA256(app secret, access token). Computed once per token and cached, so
/// the hot path pays a dictionary lookup, not a hash.
/// </summary>
internal sealed class AppSecretProof
{
    private const int MaxCachedTokens = 4096;
    private readonly string _secret;
    private readonly ConcurrentDictionary<string, string> _proofs = new(StringComparer.Ordinal);

    public AppSecretProof(string secret) => _secret = secret;

    /// <summary>Whether this instance was built for <paramref name="secret"/> (the options may be reloaded).</summary>
    public bool IsFor(string secret) => string.Equals(_secret, secret, StringComparison.Ordinal);

    public string For(string accessToken)
    {
        if (_proofs.TryGetValue(accessToken, out var proof))
        {
            return proof;
        }

        if (_proofs.Count >= MaxCachedTokens)
        {
            _proofs.Clear(); // rotated tokens would otherwise accumulate
        }

        return _proofs.GetOrAdd(accessToken, static (token, secret) => Compute(secret, token), _secret);
    }

    public static string Compute(string secret, string accessToken)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(accessToken), hash);
        return Convert.ToHexStringLower(hash);
    }
}

/// <summary>
/// The container's one <see cref="AppSecretProof"/>, rebuilt when the configured app secret changes. A singleton, so the
/// proofs survive the transient Graph clients (each publisher resolve would otherwise hash the token again).
/// </summary>
internal sealed class AppSecretProofCache
{
    private AppSecretProof? _current;

    /// <summary>The proof of <paramref name="accessToken"/> under <paramref name="secret"/>.</summary>
    public string For(string secret, string accessToken)
    {
        var proof = Volatile.Read(ref _current);
        if (proof is null || !proof.IsFor(secret))
        {
            proof = new AppSecretProof(secret);
            Volatile.Write(ref _current, proof);
        }

        return proof.For(accessToken);
    }
}
