namespace Rizquna;

/// <summary>The health of an account's token or session.</summary>
public sealed record TokenHealth
{
    /// <summary>Whether the platform accepts the token (or the session works).</summary>
    public required bool IsValid { get; init; }

    /// <summary>When the token expires; null when it never does or the platform does not say.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When data access expires (Meta's 90-day window), when known.</summary>
    public DateTimeOffset? DataAccessExpiresAt { get; init; }

    /// <summary>The granted scopes or permissions.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Why the token is not healthy, in words an operator can act on (e.g. "scan the QR code").</summary>
    public string? Problem { get; init; }

    /// <summary>True when the token expires within <paramref name="window"/> of <paramref name="now"/>.</summary>
    public bool IsExpiringWithin(TimeSpan window, DateTimeOffset now) => ExpiresAt is { } at && at - now <= window;
}
