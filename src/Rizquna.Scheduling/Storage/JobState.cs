namespace Rizquna.Scheduling.Storage;

/// <summary>The live state of one job: when it is due, which attempt, who holds it.</summary>
public sealed record JobState
{
    /// <summary>The job's name.</summary>
    public required string Name { get; init; }

    /// <summary>The account as <c>platform/key</c>; null for account-less jobs.</summary>
    public string? Account { get; init; }

    /// <summary>Whether the job runs (an operator can disable single jobs).</summary>
    public required bool Enabled { get; init; }

    /// <summary>When it is next due (a retry's time, or the next occurrence); null when it will never fire again.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The occurrence the next run is for.</summary>
    public DateTimeOffset? OccurrenceAt { get; init; }

    /// <summary>The attempt the next run makes (1 for a fresh occurrence).</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>The worker holding the lease, when leased.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>When the lease expires, when leased.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>The plan version whose trigger <see cref="DueAt"/> was computed from.</summary>
    public int PlanVersion { get; init; }
}
