using Rizquna.Scheduling.Plans;

namespace Rizquna.Scheduling.Triggers;

/// <summary>Compiles a plan's <see cref="TriggerSpec"/> into an <see cref="ITrigger"/>.</summary>
internal static class TriggerFactory
{
    /// <param name="spec">The trigger.</param>
    /// <param name="zone">The plan's zone.</param>
    /// <param name="crons">Parsed expressions by text, shared by the staggered jobs of one plan (parsing is the costly part).</param>
    public static ITrigger Create(TriggerSpec spec, TimeZoneInfo zone, Dictionary<string, ICronSchedule>? crons = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Kind == TriggerKind.Interval)
        {
            return new IntervalTrigger(spec.Interval);
        }

        if (crons is null || !crons.TryGetValue(spec.Cron ?? string.Empty, out var cron))
        {
            cron = QuartzCronSchedule.TryParse(spec.Cron, zone, out var error)
                ?? throw new ArgumentException($"Cron {error}.", nameof(spec));
            crons?.Add(spec.Cron!, cron);
        }

        return new CronTrigger(cron, spec.Offset);
    }

    /// <summary>
    /// The shortest gap between consecutive occurrences over the coming year (at most 2,000 looked at), or null when
    /// it fires fewer than twice. Used to reject a stagger that would push an occurrence past the next one.
    /// </summary>
    public static TimeSpan? ShortestGap(ICronSchedule cron, DateTimeOffset from)
    {
        var limit = from.AddYears(1);
        var previous = cron.GetNextAfter(from);
        TimeSpan? shortest = null;
        for (var i = 0; i < 2000 && previous is { } p && p < limit; i++)
        {
            var next = cron.GetNextAfter(p);
            if (next is not { } n)
            {
                break;
            }

            var gap = n - p;
            if (shortest is null || gap < shortest)
            {
                shortest = gap;
            }

            previous = n;
        }

        return shortest;
    }
}
