using Rizquna.Scheduling.Storage;

namespace Rizquna.Scheduling.Audit;

/// <summary>The append-only audit log and event timeline (the audit-event store).</summary>
public interface IAuditLog
{
    /// <summary>Appends events durably, in order; returns them with their ids.</summary>
    Task<IReadOnlyList<AuditEvent>> AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default);

    /// <summary>One page of events matching the query, in append order.</summary>
    Task<Page<AuditEvent>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
