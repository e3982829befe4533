namespace Rizquna.Scheduling.Triggers;

/// <summary>
/// The occurrences of one cron schedule from an instant on, walked once, so that the "next after t" of many instants
/// (the staggered jobs of a plan: t = now − offset) costs a binary search instead of a cron evaluation each.
/// </summary>
/// <remarks>
/// Valid because the next occurrence after any t in [o(k−1), o(k)) is o(k). Only built where no walked occurrence lies
/// in a fall-back second pass: there <see cref="QuartzCronSchedule"/> corrects Quartz's answer depending on the
/// instant asked, and those jobs are evaluated one by one as before.
/// </remarks>
internal sealed class CronOccurrenceWalk
{
    private readonly DateTimeOffset _from;
    private readonly DateTimeOffset _to;
    private readonly DateTimeOffset[] _occurrences;

    private CronOccurrenceWalk(DateTimeOffset from, DateTimeOffset to, DateTimeOffset[] occurrences)
    {
        _from = from;
        _to = to;
        _occurrences = occurrences;
    }

    /// <summary>
    /// Walks <paramref name="cron"/> from <paramref name="from"/> until past <paramref name="to"/>; null when that
    /// takes more than <paramref name="maxSteps"/> occurrences or meets a repeated (fall-back) hour.
    /// </summary>
    public static CronOccurrenceWalk? TryCreate(ICronSchedule cron, FallBackWindows fallBack, DateTimeOffset from, DateTimeOffset to, int maxSteps)
    {
        var occurrences = new List<DateTimeOffset>();
        var at = from;
        while (occurrences.Count <= maxSteps)
        {
            if (cron.GetNextAfter(at) is not { } next)
            {
                // No more occurrences: every instant past the last one has none either.
                return new CronOccurrenceWalk(from, to, [.. occurrences]);
            }

            if (fallBack.SecondPassDelta(next.UtcTicks) != 0)
            {
                return null;
            }

            occurrences.Add(next);
            if (next > to)
            {
                return new CronOccurrenceWalk(from, to, [.. occurrences]);
            }

            at = next;
        }

        return null;
    }

    /// <summary>The first occurrence strictly after <paramref name="instant"/>, which must lie in the walked range.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant)
    {
        if (instant < _from || instant > _to)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, "Outside the walked range.");
        }

        // First occurrence > instant.
        int lo = 0, hi = _occurrences.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_occurrences[mid] > instant)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo < _occurrences.Length ? _occurrences[lo] : null;
    }
}
