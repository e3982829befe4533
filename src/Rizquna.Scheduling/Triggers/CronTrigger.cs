namespace Rizquna.Scheduling.Triggers;

/// <summary>A cron schedule shifted by a fixed offset (the per-account stagger): occurrence = cron occurrence + offset.</summary>
internal sealed class CronTrigger : ITrigger
{
    private readonly ICronSchedule _cron;
    private readonly TimeSpan _offset;

    public CronTrigger(ICronSchedule cron, TimeSpan offset)
    {
        _cron = cron;
        _offset = offset;
    }

    public DateTimeOffset? NextAfter(DateTimeOffset instant)
    {
        var next = _cron.GetNextAfter(instant - _offset);
        return next is { } n ? (n + _offset).ToUniversalTime() : null;
    }
}
