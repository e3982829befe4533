using Rizquna.Scheduling.Approvals;

namespace Rizquna.Scheduling.Storage.InMemory;

public sealed partial class InMemorySchedulingStore
{
    private readonly Dictionary<string, ApprovalRecord> _approvals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _approvalByKey = new(StringComparer.Ordinal);
    private readonly List<string> _approvalOrder = [];

    /// <inheritdoc />
    public Task<ApprovalRecord> GetOrAddAsync(ApprovalRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (_approvalByKey.TryGetValue(record.ActionKey, out var id))
            {
                return Done(_approvals[id]);
            }

            _approvals.Add(record.Id, record);
            _approvalByKey.Add(record.ActionKey, record.Id);
            _approvalOrder.Add(record.Id);
            return Done(record);
        }
    }

    /// <inheritdoc />
    Task<ApprovalRecord?> IApprovalStore.GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Done(_approvals.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public Task<ApprovalRecord?> GetByActionKeyAsync(string actionKey, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Done(_approvalByKey.TryGetValue(actionKey, out var id) ? _approvals[id] : null);
        }
    }

    /// <inheritdoc />
    public Task<ApprovalRecord?> TryDecideAsync(string id, ApprovalStatus status, string actor, DateTimeOffset at, string? note = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_approvals.TryGetValue(id, out var record) || record.Status != ApprovalStatus.Pending || status == ApprovalStatus.Pending)
            {
                return Done<ApprovalRecord?>(null);
            }

            var decided = record with { Status = status, DecidedAt = at, DecidedBy = actor, Note = note };
            _approvals[id] = decided;
            return Done<ApprovalRecord?>(decided);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ApprovalRecord>> ListExpiredPendingAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var list = new List<ApprovalRecord>();
            foreach (var id in _approvalOrder)
            {
                var r = _approvals[id];
                if (r.Status == ApprovalStatus.Pending && r.ExpiresAt <= now)
                {
                    list.Add(r);
                }
            }

            return Done<IReadOnlyList<ApprovalRecord>>(list);
        }
    }

    /// <inheritdoc />
    Task<IReadOnlyList<ApprovalRecord>> IApprovalStore.ListAsync(ApprovalStatus? status, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var list = new List<ApprovalRecord>();
            foreach (var id in _approvalOrder)
            {
                var r = _approvals[id];
                if (status is null || r.Status == status)
                {
                    list.Add(r);
                    if (list.Count >= limit)
                    {
                        break;
                    }
                }
            }

            return Done<IReadOnlyList<ApprovalRecord>>(list);
        }
    }
}
