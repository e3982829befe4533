using Rizquna.Scheduling.Engine;

namespace Rizquna.Scheduling.Runs;

/// <summary>One recorded run of one job occurrence (or one skipped occurrence). Append-only.</summary>
public sealed record RunRecord
{
    /// <summary>The store's id (assigned on append; 0 before).</summary>
    public long Id { get; init; }

    /// <summary>The job.</summary>
    public required string JobName { get; init; }

    /// <summary>The job's lane.</summary>
    public required LaneKind Lane { get; init; }

    /// <summary>The account as <c>platform/key</c>; null for account-less jobs.</summary>
    public string? Account { get; init; }

    /// <summary>The plan version the job came from.</summary>
    public required int PlanVersion { get; init; }

    /// <summary>The occurrence (cron/interval instant).</summary>
    public required DateTimeOffset ScheduledAt { get; init; }

    /// <summary>When the run actually started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>How long it took.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>1 for the first try, 2.. for retries.</summary>
    public required int Attempt { get; init; }

    /// <summary>How it ended.</summary>
    public required RunOutcome Outcome { get; init; }

    /// <summary>The error kind, when it failed.</summary>
    public PlatformErrorKind? ErrorKind { get; init; }

    /// <summary>The error message (already redacted by the connector), or the lane's note.</summary>
    public string? Message { get; init; }

    /// <summary>When the next attempt of the same occurrence is due, when a retry was scheduled.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>Ties the run's audit events together.</summary>
    public required string CorrelationId { get; init; }

    /// <summary>The worker that ran it.</summary>
    public string? Worker { get; init; }
}
