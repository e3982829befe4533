namespace Rizquna.Scheduling.Autopost;

/// <summary>
/// Storage behind the queue and its worker. Implementations: <see cref="Storage.InMemoryAutopostStore"/> and
/// <see cref="Storage.SqliteAutopostStore"/>. State rules live in <see cref="AutopostTransitions"/>; a store applies them atomically.
/// </summary>
public interface IAutopostStore
{
    /// <summary>Inserts a new item (its <see cref="AutopostItem.Id"/> is ignored) and returns it with its assigned id.</summary>
    Task<AutopostItem> InsertAsync(AutopostItem item, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts a new item and records <paramref name="idempotency"/>'s key in the same atomic write (both or neither). When
    /// the key is already recorded nothing is inserted and the item stored under it is returned (outcome
    /// <see cref="AutopostEnqueueOutcome.Replayed"/>, or <see cref="AutopostEnqueueOutcome.KeyReused"/> when the request
    /// hash differs). The key's uniqueness decides races between concurrent calls.
    /// </summary>
    /// <exception cref="NotSupportedException">The store does not record idempotency keys.</exception>
    Task<AutopostEnqueueResult> InsertAsync(AutopostItem item, AutopostIdempotency idempotency, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{GetType().Name} does not record idempotency keys.");

    /// <summary>The item recorded under <paramref name="idempotency"/>'s key (outcome by request hash), or null when the key is unknown.</summary>
    /// <exception cref="NotSupportedException">The store does not record idempotency keys.</exception>
    Task<AutopostEnqueueResult?> FindByIdempotencyKeyAsync(AutopostIdempotency idempotency, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{GetType().Name} does not record idempotency keys.");

    /// <summary>
    /// Deletes the idempotency keys recorded before <paramref name="recordedBefore"/> (their items stay); returns how many.
    /// A request that repeats a deleted key is queued as a new item. The default (a store that records no keys) deletes nothing.
    /// </summary>
    Task<int> PruneIdempotencyKeysAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken = default) =>
        Task.FromResult(0);

    /// <summary>One item by id, or null.</summary>
    Task<AutopostItem?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Items matching the filters with an id below <paramref name="beforeId"/> (when given), newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AutopostItem>> ListAsync(AutopostQuery query, long? beforeId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Applies <see cref="AutopostTransitions.Cancel"/> atomically.</summary>
    Task<AutopostCommandResult> CancelAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Applies <see cref="AutopostTransitions.RetryNow"/> atomically.</summary>
    Task<AutopostCommandResult> RetryNowAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically claims up to <paramref name="max"/> due items (ready or pending approval with a due time ≤ now, or
    /// posting with an expired lease): marks them posting until <paramref name="leaseUntil"/> and marks each due
    /// channel's attempt as started (kept if one was already started). Returns each item as it was before the claim.
    /// </summary>
    Task<IReadOnlyList<AutopostClaim>> ClaimDueAsync(DateTimeOffset now, int max, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the outcome of claimed items in one atomic write. An item whose claim token no longer matches (its lease
    /// expired and another worker claimed it) is left alone. Returns how many items were recorded.
    /// </summary>
    Task<int> CompleteAsync(IReadOnlyList<AutopostCompletion> completions, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records <paramref name="completions"/> (as <see cref="CompleteAsync"/>) and then claims the next due items (as
    /// <see cref="ClaimDueAsync"/>) in ONE atomic write, so a worker that drains the queue pays one durable commit per
    /// batch instead of two. The claim sees the recorded results (dedup, retries); a crash before the commit leaves both
    /// unapplied: the completed items stay claimed under their lease and are reconciled when it expires. The default
    /// runs the two steps one after the other (two writes) for stores without a combined transaction.
    /// </summary>
    async Task<IReadOnlyList<AutopostClaim>> CompleteAndClaimNextAsync(
        IReadOnlyList<AutopostCompletion> completions, DateTimeOffset now, int max, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        await CompleteAsync(completions, cancellationToken).ConfigureAwait(false);
        return await ClaimDueAsync(now, max, leaseUntil, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The id of an item other than <paramref name="excludeItemId"/> that posted <paramref name="dedupKey"/> to <paramref name="channel"/> at or after <paramref name="since"/>, or null.</summary>
    Task<long?> FindRecentPostAsync(string channel, string dedupKey, DateTimeOffset since, long excludeItemId, CancellationToken cancellationToken = default);

    /// <summary>Channels posted, failed or skipped with a time in [<paramref name="from"/>, <paramref name="to"/>), for reports.</summary>
    Task<IReadOnlyList<AutopostChannelRecord>> ListChannelOutcomesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}

/// <summary>An item a worker claimed.</summary>
/// <param name="Item">The item as it was before the claim (a channel with <see cref="AutopostChannelResult.AttemptStartedAt"/> set had an attempt with an unknown outcome).</param>
/// <param name="ClaimToken">Proves the claim when completing.</param>
/// <param name="ClaimedAt">When it was claimed.</param>
public sealed record AutopostClaim(AutopostItem Item, long ClaimToken, DateTimeOffset ClaimedAt);

/// <summary>The new state of a claimed item.</summary>
/// <param name="ClaimToken">The token from the claim.</param>
/// <param name="Item">The item after dispatch (status and channels computed by <see cref="AutopostTransitions"/>).</param>
public sealed record AutopostCompletion(long ClaimToken, AutopostItem Item);

/// <summary>One channel's outcome, for reports.</summary>
/// <param name="ItemId">The queue item.</param>
/// <param name="Title">The item's title.</param>
/// <param name="Result">The channel's state.</param>
/// <param name="At">When the outcome happened (posted time, or the item's last update).</param>
public sealed record AutopostChannelRecord(long ItemId, string Title, AutopostChannelResult Result, DateTimeOffset At);
