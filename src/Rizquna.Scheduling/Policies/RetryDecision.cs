namespace Rizquna.Scheduling.Policies;

/// <summary>What to do after a failed attempt.</summary>
/// <param name="ShouldRetry">Whether another attempt is made.</param>
/// <param name="Delay">How long to wait before it (zero when not retrying).</param>
/// <param name="ReconcileFirst">The outcome is unknown: reconcile (look for the result on the platform) before sending anything again.</param>
/// <param name="Reason">Why not retrying, for the run record.</param>
public readonly record struct RetryDecision(bool ShouldRetry, TimeSpan Delay, bool ReconcileFirst = false, string? Reason = null)
{
    /// <summary>No more attempts.</summary>
    public static RetryDecision GiveUp(string reason) => new(false, TimeSpan.Zero, false, reason);
}
