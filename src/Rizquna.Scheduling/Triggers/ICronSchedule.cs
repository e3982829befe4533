namespace Rizquna.Scheduling.Triggers;

/// <summary>
/// A parsed 5-field Unix cron bound to a time zone. The kernel talks to cron only through this, so the engine behind
/// it (Quartz today) can be swapped without touching triggers.
/// </summary>
internal interface ICronSchedule
{
    /// <summary>The expression as written.</summary>
    string Expression { get; }

    /// <summary>The first occurrence strictly after <paramref name="instant"/>, or null when there is none (e.g. <c>0 0 30 2 *</c>).</summary>
    DateTimeOffset? GetNextAfter(DateTimeOffset instant);
}
