using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Runs;

namespace Rizquna.Scheduling.Storage.InMemory;

/// <summary>
/// One entry of the in-memory audit log: an appended event, or one of the two events of a fast-path run, kept as a
/// reference to its run record (see <see cref="RunEvents"/>). Queries read the fields without building the event.
/// </summary>
internal readonly struct AuditEntry
{
    private readonly AuditEvent? _event;
    private readonly RunRecord? _run;
    private readonly int _index;

    public AuditEntry(AuditEvent auditEvent) => _event = auditEvent;

    public AuditEntry(RunRecord run, int index)
    {
        _run = run;
        _index = index;
    }

    public string Type => _event?.Type ?? RunEvents.TypeOf(_index);

    public DateTimeOffset At => _event?.At ?? RunEvents.AtOf(_run!, _index);

    public string? JobName => _event is null ? _run!.JobName : _event.JobName;

    public string? Account => _event is null ? _run!.Account : _event.Account;

    public string? CorrelationId => _event is null ? _run!.CorrelationId : _event.CorrelationId;

    /// <summary>The event with its log id.</summary>
    public AuditEvent ToEvent(long id) => _event is null
        ? RunEvents.Create(_run!, _index, id)
        : _event.Id == id ? _event : _event with { Id = id };
}
