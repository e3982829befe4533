using System.Collections.Concurrent;

namespace Rizquna.SampleHost.Health;

/// <summary>
/// The last known health of every account's token, filled by <see cref="TokenHealthMonitor"/> in the background so
/// that <c>GET /health</c> stays cheap (it never calls a platform).
/// </summary>
public sealed class TokenHealthBoard
{
    private readonly ConcurrentDictionary<string, TokenStatus> _entries = new(StringComparer.Ordinal);

    /// <summary>Records the health of <c>platform/account</c>.</summary>
    public void Set(string key, TokenStatus status) => _entries[key] = status;

    /// <summary>A snapshot, ordered by key.</summary>
    public SortedDictionary<string, TokenStatus> Snapshot() => new(_entries, StringComparer.Ordinal);
}

/// <summary>One token as <c>/health</c> shows it.</summary>
/// <param name="Valid">Whether the platform accepts it (dry-run accounts report true: nothing is called).</param>
/// <param name="ExpiresAt">When it expires, if it does.</param>
/// <param name="ExpiringSoon">Expires within 24 h.</param>
/// <param name="Mode"><c>live</c> or <c>dry-run</c>.</param>
/// <param name="Problem">Why it is invalid, without secrets.</param>
public sealed record TokenStatus(bool Valid, DateTimeOffset? ExpiresAt, bool ExpiringSoon, string Mode, string? Problem = null);
