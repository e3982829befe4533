namespace Rizquna.Scheduling.Autopost;

/// <summary>Where a queue item stands as a whole (each channel has its own <see cref="AutopostChannelStatus"/>).</summary>
public enum AutopostStatus
{
    /// <summary>Waiting for its publish time or for a channel's retry.</summary>
    Ready,
    /// <summary>Claimed by a worker that is dispatching it now.</summary>
    Posting,
    /// <summary>Every channel is done and at least one was posted; none failed.</summary>
    Posted,
    /// <summary>Every channel is done and at least one failed for good.</summary>
    Failed,
    /// <summary>Every channel was skipped (dedup within the window).</summary>
    Skipped,
    /// <summary>A channel waits for an operator's approval.</summary>
    PendingApproval,
    /// <summary>Cancelled by an operator before it was posted.</summary>
    Cancelled,
}
