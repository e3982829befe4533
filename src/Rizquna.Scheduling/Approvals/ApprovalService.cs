using Microsoft.Extensions.Options;
using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Storage;

namespace Rizquna.Scheduling.Approvals;

/// <summary>
/// The approval gate lanes call, and the operator's API: approve and reject with an actor, list, expire. Rejected or
/// expired actions never run; every step is audit-logged. A decision wakes the waiting job so its lane asks again.
/// </summary>
public sealed class ApprovalService : IApprovalGate
{
    /// <summary>The actor recorded for expiries.</summary>
    public const string SystemActor = "system";

    private readonly IApprovalStore _store;
    private readonly IApprovalPolicy _policy;
    private readonly IAuditLog _audit;
    private readonly IJobStore _jobs;
    private readonly IOptionsMonitor<SchedulingOptions> _options;
    private readonly TimeProvider _time;
    private readonly SchedulerSignal _signal;

    internal ApprovalService(IApprovalStore store, IApprovalPolicy policy, IAuditLog audit, IJobStore jobs, IOptionsMonitor<SchedulingOptions> options, TimeProvider time, SchedulerSignal signal)
    {
        _store = store;
        _policy = policy;
        _audit = audit;
        _jobs = jobs;
        _options = options;
        _time = time;
        _signal = signal;
    }

    /// <inheritdoc />
    public async Task<ApprovalGateResult> CheckAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ActionKey, nameof(request));
        var existing = await _store.GetByActionKeyAsync(request.ActionKey, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            var reason = _policy.GetSensitivity(request);
            if (reason is null)
            {
                return new ApprovalGateResult(ApprovalGateStatus.Proceed);
            }

            var now = _time.GetUtcNow();
            var record = new ApprovalRecord
            {
                Id = Guid.NewGuid().ToString("n"),
                ActionKey = request.ActionKey,
                ActionType = request.ActionType,
                Account = request.Account?.ToString(),
                JobName = request.JobName,
                Text = request.Text,
                Reason = reason,
                Status = ApprovalStatus.Pending,
                RequestedAt = now,
                ExpiresAt = now + _options.CurrentValue.Approvals.Expiry,
                CorrelationId = request.CorrelationId,
            };
            existing = await _store.GetOrAddAsync(record, cancellationToken).ConfigureAwait(false);
            if (ReferenceEquals(existing, record) || existing.Id == record.Id)
            {
                await AuditAsync(AuditEventTypes.ApprovalRequested, existing, SystemActor, now, reason, cancellationToken).ConfigureAwait(false);
            }
        }

        if (existing.Status == ApprovalStatus.Pending && existing.ExpiresAt <= _time.GetUtcNow())
        {
            existing = await ExpireAsync(existing, cancellationToken).ConfigureAwait(false) ?? await _store.GetAsync(existing.Id, cancellationToken).ConfigureAwait(false) ?? existing;
        }

        return existing.Status switch
        {
            ApprovalStatus.Approved => new ApprovalGateResult(ApprovalGateStatus.Proceed, existing.Id, existing.Reason),
            ApprovalStatus.Pending => new ApprovalGateResult(ApprovalGateStatus.Pending, existing.Id, existing.Reason),
            ApprovalStatus.Rejected => new ApprovalGateResult(ApprovalGateStatus.Denied, existing.Id, "rejected" + (existing.Note is null ? string.Empty : ": " + existing.Note)),
            _ => new ApprovalGateResult(ApprovalGateStatus.Denied, existing.Id, "expired"),
        };
    }

    /// <summary>Approves a pending approval; null when it is not pending (already decided or expired) or unknown.</summary>
    public Task<ApprovalRecord?> ApproveAsync(string approvalId, string actor, string? note = null, CancellationToken cancellationToken = default) =>
        DecideAsync(approvalId, ApprovalStatus.Approved, actor, note, AuditEventTypes.ApprovalGranted, cancellationToken);

    /// <summary>Rejects a pending approval: the action never runs. Null when it is not pending or unknown.</summary>
    public Task<ApprovalRecord?> RejectAsync(string approvalId, string actor, string? reason = null, CancellationToken cancellationToken = default) =>
        DecideAsync(approvalId, ApprovalStatus.Rejected, actor, reason, AuditEventTypes.ApprovalRejected, cancellationToken);

    /// <summary>One approval, or null.</summary>
    public Task<ApprovalRecord?> GetAsync(string approvalId, CancellationToken cancellationToken = default) => _store.GetAsync(approvalId, cancellationToken);

    /// <summary>Approvals with the given status (all when null), oldest first.</summary>
    public Task<IReadOnlyList<ApprovalRecord>> ListAsync(ApprovalStatus? status = null, int limit = 100, CancellationToken cancellationToken = default) =>
        _store.ListAsync(status, limit, cancellationToken);

    /// <summary>Expires every pending approval past its expiry; returns how many. The engine calls this on each tick.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken = default)
    {
        var due = await _store.ListExpiredPendingAsync(_time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var count = 0;
        foreach (var record in due)
        {
            if (await ExpireAsync(record, cancellationToken).ConfigureAwait(false) is not null)
            {
                count++;
            }
        }

        return count;
    }

    private async Task<ApprovalRecord?> ExpireAsync(ApprovalRecord record, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var expired = await _store.TryDecideAsync(record.Id, ApprovalStatus.Expired, SystemActor, now, "not decided in time", cancellationToken).ConfigureAwait(false);
        if (expired is not null)
        {
            await AuditAsync(AuditEventTypes.ApprovalExpired, expired, SystemActor, now, "not decided in time", cancellationToken).ConfigureAwait(false);
            await WakeAsync(expired, now, cancellationToken).ConfigureAwait(false);
        }

        return expired;
    }

    private async Task<ApprovalRecord?> DecideAsync(string approvalId, ApprovalStatus status, string actor, string? note, string eventType, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(approvalId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var now = _time.GetUtcNow();
        var current = await _store.GetAsync(approvalId, cancellationToken).ConfigureAwait(false);
        if (current is { Status: ApprovalStatus.Pending } && current.ExpiresAt <= now)
        {
            await ExpireAsync(current, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var decided = await _store.TryDecideAsync(approvalId, status, actor, now, note, cancellationToken).ConfigureAwait(false);
        if (decided is not null)
        {
            await AuditAsync(eventType, decided, actor, now, note, cancellationToken).ConfigureAwait(false);
            await WakeAsync(decided, now, cancellationToken).ConfigureAwait(false);
        }

        return decided;
    }

    private async Task WakeAsync(ApprovalRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (record.JobName is { } job && await _jobs.WakeAsync(job, now, cancellationToken).ConfigureAwait(false))
        {
            _signal.Notify();
        }
    }

    private Task AuditAsync(string type, ApprovalRecord record, string actor, DateTimeOffset at, string? detail, CancellationToken cancellationToken) =>
        _audit.AppendAsync(new AuditEvent
        {
            At = at,
            Type = type,
            Actor = actor,
            JobName = record.JobName,
            Account = record.Account,
            CorrelationId = record.CorrelationId ?? record.Id,
            SubjectId = record.Id,
            Detail = $"{record.ActionType} {record.ActionKey}" + (detail is null ? string.Empty : ": " + detail),
        }, cancellationToken);
}
