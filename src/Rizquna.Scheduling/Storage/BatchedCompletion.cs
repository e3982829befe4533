using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Runs;

namespace Rizquna.Scheduling.Storage;

/// <summary>
/// A <see cref="JobCompletion"/> as the engine batches it within a tick: a struct in a reused list, and with
/// <see cref="Events"/> null the run's <c>run.started</c>/<c>run.succeeded</c> events are derived from its record
/// (<see cref="RunEvents"/>). The in-memory store takes the batch as it is; other stores get <see cref="JobCompletion"/>s.
/// </summary>
internal readonly record struct BatchedCompletion(
    JobLease Lease,
    RunRecord? Run,
    IReadOnlyList<AuditEvent>? Events,
    DateTimeOffset? NextDueAt,
    DateTimeOffset? NextOccurrenceAt,
    int NextAttempt)
{
    /// <summary>The events, derived from the run when not given.</summary>
    public IReadOnlyList<AuditEvent> EventsOrDerived => Events ?? new RunEvents(Run!);

    /// <summary>The public form, for stores other than the in-memory one.</summary>
    public JobCompletion ToCompletion() => new(Lease, Run, EventsOrDerived, NextDueAt, NextOccurrenceAt, NextAttempt);
}
