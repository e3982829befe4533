namespace Rizquna.Scheduling.Approvals;

/// <summary>
/// What lanes call before a sensitive action: the policy decides whether the action needs approval; if so, a pending
/// approval (with an expiry) is created once per action key and the lane waits, running the action only once approved.
/// </summary>
public interface IApprovalGate
{
    /// <summary>Checks (and, when needed, requests) approval for the action.</summary>
    Task<ApprovalGateResult> CheckAsync(ApprovalRequest request, CancellationToken cancellationToken = default);
}
