using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Runs;

namespace Rizquna.Scheduling.Storage.InMemory;

/// <summary>
/// One entry of the in-memory audit log: an appended event, or one of the two events of a fast-path run, kept as a
/// reference to its run record (see <see cref="RunEvents"/>). Queries read the fields without building the event.
/// 16 bytes: one reference and the event's index in its run.
/// </summary>
internal readonly struct AuditEntry
{
    private readonly object _source;
    private readonly int _index;

    public AuditEntry(AuditEvent auditEvent) => _source = auditEvent;

    public AuditEntry(RunRecord run, int index)
    {
        _source = run;
        _index = index;
    }

    public string Type => _source is AuditEvent e ? e.Type : RunEvents.TypeOf(_index);

    public DateTimeOffset At => _source is AuditEvent e ? e.At : RunEvents.AtOf((RunRecord)_source, _index);

    public string? JobName => _source is AuditEvent e ? e.JobName : ((RunRecord)_source).JobName;

    public string? Account => _source is AuditEvent e ? e.Account : ((RunRecord)_source).Account;

    public string? CorrelationId => _source is AuditEvent e ? e.CorrelationId : ((RunRecord)_source).CorrelationId;

    /// <summary>The event with its log id.</summary>
    public AuditEvent ToEvent(long id) => _source is AuditEvent e
        ? e.Id == id ? e : e with { Id = id }
        : RunEvents.Create((RunRecord)_source, _index, id);
}
