namespace Rizquna.Scheduling.Approvals;

/// <summary>The gate's answer for one action.</summary>
/// <param name="Status">Proceed, pending or denied.</param>
/// <param name="ApprovalId">The approval's id when one exists.</param>
/// <param name="Reason">Why the action is sensitive, or why it was denied.</param>
public sealed record ApprovalGateResult(ApprovalGateStatus Status, string? ApprovalId = null, string? Reason = null);
