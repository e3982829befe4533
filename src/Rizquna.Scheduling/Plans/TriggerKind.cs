namespace Rizquna.Scheduling.Plans;

/// <summary>How a job's occurrences are computed.</summary>
public enum TriggerKind
{
    /// <summary>Every fixed period, UTC arithmetic.</summary>
    Interval,
    /// <summary>A 5-field Unix cron in the plan's zone, plus an optional offset (the stagger).</summary>
    Cron,
}
