using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace Rizquna.Connectors.Meta.Graph;

/// <summary>
/// The request URL (base address + path + <c>appsecret_proof</c>) and Authorization header of a write, built once per
/// path and token: a publisher posts to the same <c>{page}/feed</c> with the same token again and again, and building
/// them costs two URI parses, a string join and a header parse per call. Both are immutable, so requests share them.
/// Reads are not cached: their paths carry cursors and ids that rarely repeat.
/// </summary>
internal sealed class GraphTargetCache
{
    private const int MaxEntries = 1024;
    private Generation? _current;

    /// <summary>The target of <paramref name="pathAndQuery"/> for <paramref name="token"/>; <paramref name="proof"/> is null when the proof is off.</summary>
    public GraphTarget For(Uri? baseAddress, string pathAndQuery, string token, string? proof)
    {
        var generation = Volatile.Read(ref _current);
        if (generation is null || !ReferenceEquals(generation.BaseAddress, baseAddress))
        {
            // A new client base address (options reloaded): start over rather than mix hosts.
            generation = new Generation(baseAddress);
            Volatile.Write(ref _current, generation);
        }

        var key = (pathAndQuery, token);
        if (generation.Targets.TryGetValue(key, out var target) && string.Equals(target.Proof, proof, StringComparison.Ordinal))
        {
            return target;
        }

        if (generation.Targets.Count >= MaxEntries)
        {
            generation.Targets.Clear(); // rotated tokens and one-off paths would otherwise accumulate
        }

        target = Build(baseAddress, pathAndQuery, token, proof);
        generation.Targets[key] = target;
        return target;
    }

    /// <summary>What <see cref="HttpClient"/> would build from the relative path: the same URI, made absolute up front.</summary>
    public static GraphTarget Build(Uri? baseAddress, string pathAndQuery, string token, string? proof)
    {
        var url = proof is null
            ? pathAndQuery
            : string.Concat(pathAndQuery, pathAndQuery.Contains('?') ? "&appsecret_proof=" : "?appsecret_proof=", proof);
        var uri = new Uri(url, UriKind.RelativeOrAbsolute);
        if (!uri.IsAbsoluteUri && baseAddress is not null)
        {
            uri = new Uri(baseAddress, uri);
        }

        return new GraphTarget(uri, new AuthenticationHeaderValue("Bearer", token), proof);
    }

    private sealed class Generation(Uri? baseAddress)
    {
        public Uri? BaseAddress { get; } = baseAddress;

        public ConcurrentDictionary<(string Path, string Token), GraphTarget> Targets { get; } = new();
    }
}

/// <summary>A request URL and its Authorization header.</summary>
internal sealed record GraphTarget(Uri Url, AuthenticationHeaderValue Authorization, string? Proof);
