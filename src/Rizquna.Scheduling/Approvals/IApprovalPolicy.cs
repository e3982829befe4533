namespace Rizquna.Scheduling.Approvals;

/// <summary>Decides whether an action is sensitive. The default is configured by <see cref="ApprovalOptions"/>; a host may replace it.</summary>
public interface IApprovalPolicy
{
    /// <summary>Returns why the action needs approval, or null when it does not.</summary>
    string? GetSensitivity(ApprovalRequest request);
}
