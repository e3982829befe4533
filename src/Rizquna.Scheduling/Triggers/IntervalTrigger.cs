namespace Rizquna.Scheduling.Triggers;

/// <summary>
/// Every <c>period</c>, in UTC arithmetic, on a grid anchored at the Unix epoch: occurrences do not drift with run
/// times and are the same after a restart (every 60 s means on each minute).
/// </summary>
internal sealed class IntervalTrigger : ITrigger
{
    private readonly long _periodTicks;

    public IntervalTrigger(TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        _periodTicks = period.Ticks;
    }

    public DateTimeOffset? NextAfter(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var slot = Math.DivRem(ticks, _periodTicks, out var rem);
        if (rem < 0)
        {
            slot--; // floor division before the epoch
        }

        var next = (slot + 1) * _periodTicks;

        return new DateTimeOffset(next + DateTimeOffset.UnixEpoch.UtcTicks, TimeSpan.Zero);
    }
}
