using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Runs;

namespace Rizquna.Scheduling.Storage;

/// <summary>
/// What to write when a leased job is done, in one transaction: the run record (if any), the audit events, and the
/// job's next state; the lease is released. A deferral (cooldown) has no run.
/// </summary>
/// <param name="Lease">The lease being completed.</param>
/// <param name="Run">The run to record, or null (deferral).</param>
/// <param name="Events">Audit events to append with it.</param>
/// <param name="NextDueAt">When the job is due next; null: never again.</param>
/// <param name="NextOccurrenceAt">The occurrence the next run is for.</param>
/// <param name="NextAttempt">The attempt the next run makes.</param>
public sealed record JobCompletion(
    JobLease Lease,
    RunRecord? Run,
    IReadOnlyList<AuditEvent> Events,
    DateTimeOffset? NextDueAt,
    DateTimeOffset? NextOccurrenceAt,
    int NextAttempt);
