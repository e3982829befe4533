namespace Rizquna.Scheduling.Plans;

/// <summary>A job's trigger as stored in the plan.</summary>
/// <param name="Kind">Interval or cron.</param>
/// <param name="Interval">The period of an interval trigger.</param>
/// <param name="Cron">The 5-field Unix cron of a cron trigger.</param>
/// <param name="Offset">Added to each cron occurrence (the per-account stagger).</param>
public sealed record TriggerSpec(TriggerKind Kind, TimeSpan Interval, string? Cron, TimeSpan Offset)
{
    /// <summary>An interval trigger.</summary>
    public static TriggerSpec Every(TimeSpan interval) => new(TriggerKind.Interval, interval, null, TimeSpan.Zero);

    /// <summary>A cron trigger with an optional offset.</summary>
    public static TriggerSpec AtCron(string cron, TimeSpan offset = default) => new(TriggerKind.Cron, TimeSpan.Zero, cron, offset);

    /// <inheritdoc />
    public override string ToString() => Kind == TriggerKind.Interval
        ? $"every {Interval}"
        : Offset == TimeSpan.Zero ? $"cron '{Cron}'" : $"cron '{Cron}' +{Offset}";
}
