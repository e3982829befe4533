namespace Rizquna.Scheduling.Lanes.Inbox;

/// <summary>Where a stored inbox item stands with respect to a reply.</summary>
public enum InboxRecordState
{
    /// <summary>Stored; lane A has not decided yet (or deferred it: quiet hours, a transient error).</summary>
    New,
    /// <summary>A reply is being sent. Found after a crash, it means "outcome unknown": never sent again.</summary>
    Replying,
    /// <summary>Replied once.</summary>
    Replied,
    /// <summary>No reply: no rule matched, own message, order, the platform allows none, or the rate limit.</summary>
    NoReply,
    /// <summary>The reply waits for an operator's approval.</summary>
    AwaitingApproval,
    /// <summary>The platform refused the reply, or the approval was rejected or expired.</summary>
    Failed,
    /// <summary>A reply may or may not have been sent (crash or unknown outcome); it is not sent again.</summary>
    Unknown,
}
