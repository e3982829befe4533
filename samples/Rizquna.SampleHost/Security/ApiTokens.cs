using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Rizquna.SampleHost.Configuration;

namespace Rizquna.SampleHost.Security;

/// <summary>
/// The configured API tokens, kept only as SHA-256 digests. A presented token is hashed and compared with every digest
/// in constant time (no early exit, equal lengths), so timing reveals neither which token nor how much of it matched.
/// </summary>
public sealed class ApiTokens
{
    private readonly byte[][] _digests;

    /// <summary>Reads <c>Rizquna:Api:Tokens</c>.</summary>
    public ApiTokens(IOptions<ApiOptions> options)
    {
        _digests = options.Value.Tokens
            .Where(static t => !string.IsNullOrWhiteSpace(t))
            .Select(static t => SHA256.HashData(Encoding.UTF8.GetBytes(t.Trim())))
            .ToArray();
    }

    /// <summary>Whether any token is configured.</summary>
    public bool Any => _digests.Length > 0;

    /// <summary>Returns the index of the matching token, or -1.</summary>
    public int Match(ReadOnlySpan<char> presented)
    {
        if (presented.IsEmpty || _digests.Length == 0)
        {
            return -1;
        }

        Span<byte> digest = stackalloc byte[32];
        var bytes = Encoding.UTF8.GetBytes(presented.ToArray());
        SHA256.HashData(bytes, digest);
        var found = -1;
        for (var i = 0; i < _digests.Length; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, _digests[i]))
            {
                found = i;
            }
        }

        return found;
    }

    /// <summary>Extracts the bearer token of a request and matches it; -1 when absent or unknown.</summary>
    public int Match(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.Length > scheme.Length && header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            ? Match(header.AsSpan(scheme.Length).Trim())
            : -1;
    }
}
