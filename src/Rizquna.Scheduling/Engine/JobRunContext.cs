namespace Rizquna.Scheduling.Engine;

/// <summary>What a lane handler gets for one run of one job.</summary>
public sealed record JobRunContext
{
    /// <summary>The job's name, e.g. <c>ops_post_003</c>.</summary>
    public required string JobName { get; init; }

    /// <summary>The job's lane.</summary>
    public required LaneKind Lane { get; init; }

    /// <summary>The account the job serves; null for account-less jobs (the nightly report).</summary>
    public AccountRef? Account { get; init; }

    /// <summary>The plan version the job came from.</summary>
    public required int PlanVersion { get; init; }

    /// <summary>The occurrence this run is for (the cron/interval instant, not the actual start).</summary>
    public required DateTimeOffset ScheduledAt { get; init; }

    /// <summary>1 for the first try, 2.. for retries of the same occurrence.</summary>
    public required int Attempt { get; init; }

    /// <summary>Ties the run's audit events together.</summary>
    public required string CorrelationId { get; init; }

    /// <summary>The plan's time zone for this job (lanes use it for "the local day").</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>Free job parameters from the plan.</summary>
    // Shared empty default: the initializer runs for every context, even when the engine sets Parameters.
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
