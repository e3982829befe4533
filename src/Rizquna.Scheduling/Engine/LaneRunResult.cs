namespace Rizquna.Scheduling.Engine;

/// <summary>
/// How a run ended when it did not throw. A failing run throws: a <see cref="PlatformException"/> whose kind drives
/// retry and cooldown, or any other exception (treated as transient).
/// </summary>
public sealed record LaneRunResult
{
    private LaneRunResult(LaneRunOutcome outcome, string? message)
    {
        Outcome = outcome;
        Message = message;
    }

    /// <summary>Succeeded, skipped or waiting for approval.</summary>
    public LaneRunOutcome Outcome { get; }

    /// <summary>A short note for the run record (what was done or why it was skipped).</summary>
    public string? Message { get; }

    /// <summary>The run did its work.</summary>
    public static LaneRunResult Succeeded(string? message = null) => new(LaneRunOutcome.Succeeded, message);

    /// <summary>There was nothing to do (empty folder, quiet hours…).</summary>
    public static LaneRunResult Skipped(string reason) => new(LaneRunOutcome.Skipped, reason);

    /// <summary>The action waits for an operator's approval.</summary>
    public static LaneRunResult AwaitingApproval(string approvalId) => new(LaneRunOutcome.AwaitingApproval, approvalId);
}

/// <summary>How a run ended without an error.</summary>
public enum LaneRunOutcome
{
    /// <summary>Did its work.</summary>
    Succeeded,
    /// <summary>Nothing to do.</summary>
    Skipped,
    /// <summary>Waits for approval.</summary>
    AwaitingApproval,
}
