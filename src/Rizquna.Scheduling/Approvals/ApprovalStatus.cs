namespace Rizquna.Scheduling.Approvals;

/// <summary>Where an approval stands.</summary>
public enum ApprovalStatus
{
    /// <summary>Waiting for an operator.</summary>
    Pending,
    /// <summary>Approved: the action may run.</summary>
    Approved,
    /// <summary>Rejected: the action never runs.</summary>
    Rejected,
    /// <summary>Nobody decided in time: the action never runs.</summary>
    Expired,
}
