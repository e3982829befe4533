namespace Rizquna.Scheduling.Lanes.Inbox;

/// <summary>An inbox item as lane A keeps it: the item with its raw payload, and what was done about it.</summary>
public sealed record StoredInboxItem
{
    /// <summary>The store's id (increasing in arrival order).</summary>
    public required long Id { get; init; }

    /// <summary>The item as the poller or webhook delivered it (raw JSON included).</summary>
    public required InboxItem Item { get; init; }

    /// <summary>When it was stored.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Where it stands.</summary>
    public required InboxRecordState State { get; init; }

    /// <summary>The reply text (sent, being sent or awaiting approval).</summary>
    public string? ReplyText { get; init; }

    /// <summary>The platform's id of the reply, once sent.</summary>
    public string? ReplyId { get; init; }

    /// <summary>Why no reply, the error, or the approval id.</summary>
    public string? Note { get; init; }

    /// <summary>When the state last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}
