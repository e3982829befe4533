namespace Rizquna.Scheduling.Runs;

/// <summary>How one run (or a skipped occurrence) ended.</summary>
public enum RunOutcome
{
    /// <summary>The lane did its work.</summary>
    Succeeded,
    /// <summary>The lane had nothing to do.</summary>
    Skipped,
    /// <summary>The lane's action waits for an operator's approval.</summary>
    AwaitingApproval,
    /// <summary>The run failed; <see cref="RunRecord.NextAttemptAt"/> says whether it is retried.</summary>
    Failed,
    /// <summary>An occurrence missed during downtime that the catch-up policy did not run.</summary>
    Missed,
    /// <summary>The action was rejected or its approval expired: it never ran.</summary>
    Denied,
    /// <summary>The run was cancelled (shutdown) before it finished.</summary>
    Cancelled,
}
