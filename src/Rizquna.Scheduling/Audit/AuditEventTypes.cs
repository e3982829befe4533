namespace Rizquna.Scheduling.Audit;

/// <summary>The event types the kernel appends.</summary>
public static class AuditEventTypes
{
    /// <summary>A plan was generated for the first time.</summary>
    public const string PlanGenerated = "plan.generated";
    /// <summary>A changed plan became a new version.</summary>
    public const string PlanVersioned = "plan.versioned";
    /// <summary>An earlier version's jobs became current again.</summary>
    public const string PlanRolledBack = "plan.rolled_back";
    /// <summary>A job was enabled.</summary>
    public const string JobEnabled = "job.enabled";
    /// <summary>A job was disabled.</summary>
    public const string JobDisabled = "job.disabled";
    /// <summary>A run started.</summary>
    public const string RunStarted = "run.started";
    /// <summary>A run succeeded (or had nothing to do).</summary>
    public const string RunSucceeded = "run.succeeded";
    /// <summary>A run failed.</summary>
    public const string RunFailed = "run.failed";
    /// <summary>A missed occurrence was skipped by the catch-up policy.</summary>
    public const string RunMissed = "run.missed";
    /// <summary>A retry of a failed run was scheduled.</summary>
    public const string RetryScheduled = "retry.scheduled";
    /// <summary>An account entered cooldown (or was paused until its credentials change).</summary>
    public const string CooldownEntered = "cooldown.entered";
    /// <summary>An account left cooldown (its probe succeeded, or its credentials changed).</summary>
    public const string CooldownLeft = "cooldown.left";
    /// <summary>An approval was requested.</summary>
    public const string ApprovalRequested = "approval.requested";
    /// <summary>An approval was granted.</summary>
    public const string ApprovalGranted = "approval.granted";
    /// <summary>An approval was rejected.</summary>
    public const string ApprovalRejected = "approval.rejected";
    /// <summary>An approval expired.</summary>
    public const string ApprovalExpired = "approval.expired";
    /// <summary>An alert was sent to the operators.</summary>
    public const string AlertSent = "alert.sent";
}
