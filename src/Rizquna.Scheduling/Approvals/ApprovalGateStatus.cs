namespace Rizquna.Scheduling.Approvals;

/// <summary>Whether an action may run now.</summary>
public enum ApprovalGateStatus
{
    /// <summary>Not sensitive, or approved: run it.</summary>
    Proceed,
    /// <summary>Waiting for an operator.</summary>
    Pending,
    /// <summary>Rejected or expired: never run it.</summary>
    Denied,
}
