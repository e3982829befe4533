using System.Collections;
using Rizquna.Scheduling.Audit;

namespace Rizquna.Scheduling.Runs;

/// <summary>
/// The <c>run.started</c> and <c>run.succeeded</c> events of a run that finished on the engine's fast path, derived
/// from its record: one small object per run instead of two events and an array. Reads exactly as the two events the
/// engine used to build (same type, time, actor, job, account, plan version, correlation id and detail); a store that
/// knows this type keeps the record instead of the events (<see cref="Storage.InMemory.InMemorySchedulingStore"/>).
/// </summary>
internal sealed class RunEvents(RunRecord run) : IReadOnlyList<AuditEvent>
{
    public RunRecord Run => run;

    public int Count => 2;

    public AuditEvent this[int index] => Create(run, index, 0);

    /// <summary>Event <paramref name="index"/> (0 started, 1 succeeded) of <paramref name="run"/>.</summary>
    public static AuditEvent Create(RunRecord run, int index, long id) => new()
    {
        Id = id,
        At = AtOf(run, index),
        Type = TypeOf(index),
        Actor = run.Worker ?? string.Empty,
        JobName = run.JobName,
        Account = run.Account,
        PlanVersion = run.PlanVersion,
        CorrelationId = run.CorrelationId,
        Detail = index == 0 ? null : run.Message,
    };

    public static string TypeOf(int index) => index switch
    {
        0 => AuditEventTypes.RunStarted,
        1 => AuditEventTypes.RunSucceeded,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public static DateTimeOffset AtOf(RunRecord run, int index) => index == 0 ? run.StartedAt : run.StartedAt + run.Duration;

    public IEnumerator<AuditEvent> GetEnumerator()
    {
        yield return Create(run, 0, 0);
        yield return Create(run, 1, 0);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
