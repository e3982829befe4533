namespace Rizquna.Scheduling.Lanes.Inbox;

/// <summary>
/// Lane A's inbox: every item stored once (by account and platform item id) with its raw payload and reply state.
/// Pollers (lane A) and webhooks (the host, through <see cref="AddAsync"/>) both feed it; lane A replies on its next tick.
/// The state moves New → Replying → Replied atomically, so an item is never replied to twice.
/// </summary>
public interface IInboxStore
{
    /// <summary>Stores one item (e.g. from a platform webhook); false when it was already stored.</summary>
    Task<bool> AddAsync(InboxItem item, CancellationToken cancellationToken = default);

    /// <summary>Stores items in one durable write, skipping those already stored; returns how many were new.</summary>
    Task<int> AddRangeAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken = default);

    /// <summary>One stored item, or null.</summary>
    Task<StoredInboxItem?> GetAsync(string account, string itemId, CancellationToken cancellationToken = default);

    /// <summary>The account's items in state New or AwaitingApproval, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<StoredInboxItem>> ListActionableAsync(string account, int max, CancellationToken cancellationToken = default);

    /// <summary>The account's items (all when null), newest first, with an id below <paramref name="beforeId"/> when given.</summary>
    Task<IReadOnlyList<StoredInboxItem>> ListAsync(string? account, InboxRecordState? state, long? beforeId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically moves an item from New or AwaitingApproval to Replying with <paramref name="replyText"/>; false when it
    /// is in any other state (someone else is replying, or it is done). Durable before it returns.
    /// </summary>
    Task<bool> TryBeginReplyAsync(string account, string itemId, string replyText, CancellationToken cancellationToken = default);

    /// <summary>Sets an item's state, note, and (once replied) the reply id.</summary>
    Task SetStateAsync(string account, string itemId, InboxRecordState state, string? note = null, string? replyId = null, string? replyText = null, CancellationToken cancellationToken = default);

    /// <summary>How many replies went to <paramref name="authorId"/> on the account since <paramref name="since"/> (per-customer rate limit).</summary>
    Task<int> CountRepliesToAsync(string account, string authorId, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Per-account numbers for [<paramref name="from"/>, <paramref name="to"/>).</summary>
    Task<IReadOnlyList<InboxStats>> GetStatsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
