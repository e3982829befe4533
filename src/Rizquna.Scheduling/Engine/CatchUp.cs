using Rizquna.Scheduling.Triggers;

namespace Rizquna.Scheduling.Engine;

/// <summary>
/// Decides what happens to an occurrence claimed late (after downtime). The latest occurrence at or before now is
/// the candidate; older ones are skipped (and recorded as missed). The candidate runs unless the policy says skip
/// (or it is at least one period old under <see cref="CatchUpPolicy.RunOnceIfYoungerThanPeriod"/>).
/// </summary>
internal static class CatchUp
{
    /// <summary>Under <see cref="CatchUpPolicy.Skip"/>, an occurrence this late still counts as on time.</summary>
    internal static readonly TimeSpan OnTimeGrace = TimeSpan.FromMinutes(1);

    private const int MaxWalk = 1_000_000;

    /// <summary>The result: which occurrence runs (null: none), how many were skipped, and the next occurrence after the skipped ones.</summary>
    internal readonly record struct Decision(DateTimeOffset? Run, int Missed, DateTimeOffset FirstMissed, DateTimeOffset LastMissed, DateTimeOffset? NextAfterSkipped);

    public static Decision Evaluate(ITrigger trigger, DateTimeOffset occurrence, DateTimeOffset now, CatchUpPolicy policy)
    {
        var next = trigger.NextAfter(occurrence);
        if ((next is null || next > now) && (policy != CatchUpPolicy.Skip || now - occurrence <= OnTimeGrace))
        {
            return new Decision(occurrence, 0, default, default, null); // on time: the common case
        }

        // Walk to the latest occurrence at or before now.
        var latest = occurrence;
        var before = occurrence;
        var skipped = 0;
        for (var i = 0; i < MaxWalk && next is { } n && n <= now; i++)
        {
            skipped++;
            before = latest;
            latest = n;
            next = trigger.NextAfter(n);
        }

        var period = next is { } after ? after - latest : TimeSpan.MaxValue;
        var run = policy switch
        {
            CatchUpPolicy.RunOnce => true,
            CatchUpPolicy.RunOnceIfYoungerThanPeriod => now - latest < period,
            _ => now - latest <= OnTimeGrace,
        };

        if (run)
        {
            // Everything before the latest is missed.
            return new Decision(latest, skipped, occurrence, before, null);
        }

        return new Decision(null, skipped + 1, occurrence, latest, next);
    }
}
