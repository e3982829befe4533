using Rizquna.Scheduling.Approvals;

namespace Rizquna.Scheduling.Storage;

/// <summary>Keeps approvals: one per action key, decided at most once.</summary>
public interface IApprovalStore
{
    /// <summary>Inserts <paramref name="record"/> unless an approval for its action key exists; returns the stored one either way.</summary>
    Task<ApprovalRecord> GetOrAddAsync(ApprovalRecord record, CancellationToken cancellationToken = default);

    /// <summary>The approval with this id, or null.</summary>
    Task<ApprovalRecord?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The approval for this action key, or null.</summary>
    Task<ApprovalRecord?> GetByActionKeyAsync(string actionKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically moves a pending approval to <paramref name="status"/>; returns the updated record, or null when it
    /// was not pending (already decided or expired) or does not exist.
    /// </summary>
    Task<ApprovalRecord?> TryDecideAsync(string id, ApprovalStatus status, string actor, DateTimeOffset at, string? note = null, CancellationToken cancellationToken = default);

    /// <summary>Pending approvals whose expiry is at or before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<ApprovalRecord>> ListExpiredPendingAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Approvals with the given status (all when null), oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ApprovalRecord>> ListAsync(ApprovalStatus? status = null, int limit = 100, CancellationToken cancellationToken = default);
}
