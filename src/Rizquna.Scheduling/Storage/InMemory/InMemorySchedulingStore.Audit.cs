using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Runs;

namespace Rizquna.Scheduling.Storage.InMemory;

public sealed partial class InMemorySchedulingStore
{
    private readonly RecordLog<AuditEntry> _events = new();

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEvent>> AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var stored = new AuditEvent[events.Count];
        lock (_gate)
        {
            for (var i = 0; i < events.Count; i++)
            {
                var id = _events.Add(new AuditEntry(events[i]), _maxRecords);
                stored[i] = events[i] with { Id = id };
            }
        }

        return Task.FromResult<IReadOnlyList<AuditEvent>>(stored);
    }

    /// <inheritdoc />
    public Task<Page<AuditEvent>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, 10_000);
        lock (_gate)
        {
            return Task.FromResult(_events.Query(query.AfterId, limit, query, static (q, e) =>
                (q.Account is null || q.Account == e.Account)
                && (q.JobName is null || q.JobName == e.JobName)
                && (q.CorrelationId is null || q.CorrelationId == e.CorrelationId)
                && (q.Types is null || q.Types.Count == 0 || Contains(q.Types, e.Type))
                && (q.From is null || e.At >= q.From)
                && (q.To is null || e.At < q.To),
                static (e, id) => e.ToEvent(id)));
        }
    }

    // A fast-path run's two events are kept as its record (see RunEvents); others as they are.
    private void AddEventsLocked(IReadOnlyList<AuditEvent> events)
    {
        if (events is RunEvents derived)
        {
            AddRunEventsLocked(derived.Run);
            return;
        }

        for (var e = 0; e < events.Count; e++)
        {
            _events.Add(new AuditEntry(events[e]), _maxRecords);
        }
    }

    private void AddRunEventsLocked(RunRecord run)
    {
        _events.Add(new AuditEntry(run, 0), _maxRecords);
        _events.Add(new AuditEntry(run, 1), _maxRecords);
    }

    private static bool Contains(IReadOnlyList<string> types, string type)
    {
        for (var i = 0; i < types.Count; i++)
        {
            if (string.Equals(types[i], type, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
