using Rizquna.Scheduling.Autopost;

namespace Rizquna.Scheduling.Tests.Autopost;

/// <summary>
/// Passes every call to <paramref name="inner"/> and records the claims (one per worker tick) and the prune cutoffs, so a
/// test can follow the background worker's ticks.
/// </summary>
internal sealed class PruneCountingStore(IAutopostStore inner) : IAutopostStore
{
    private readonly List<DateTimeOffset> _cutoffs = [];
    private int _claims;

    public int Claims => Volatile.Read(ref _claims);

    public IReadOnlyList<DateTimeOffset> Cutoffs
    {
        get
        {
            lock (_cutoffs)
            {
                return [.. _cutoffs];
            }
        }
    }

    public Task WaitForClaimsAsync(int count) => WaitUntilAsync(() => Claims >= count, $"{count} claims");

    public Task WaitForPrunesAsync(int count) => WaitUntilAsync(() => Cutoffs.Count >= count, $"{count} prunes");

    private static async Task WaitUntilAsync(Func<bool> reached, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!reached())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The worker did not reach {what} within 10 s.");
            }

            await Task.Delay(5);
        }
    }

    public Task<int> PruneIdempotencyKeysAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken = default)
    {
        lock (_cutoffs)
        {
            _cutoffs.Add(recordedBefore);
        }

        return inner.PruneIdempotencyKeysAsync(recordedBefore, cancellationToken);
    }

    public Task<IReadOnlyList<AutopostClaim>> ClaimDueAsync(DateTimeOffset now, int max, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _claims);
        return inner.ClaimDueAsync(now, max, leaseUntil, cancellationToken);
    }

    public Task<AutopostItem> InsertAsync(AutopostItem item, CancellationToken cancellationToken = default) => inner.InsertAsync(item, cancellationToken);

    public Task<AutopostEnqueueResult> InsertAsync(AutopostItem item, AutopostIdempotency idempotency, CancellationToken cancellationToken = default) =>
        inner.InsertAsync(item, idempotency, cancellationToken);

    public Task<AutopostEnqueueResult?> FindByIdempotencyKeyAsync(AutopostIdempotency idempotency, CancellationToken cancellationToken = default) =>
        inner.FindByIdempotencyKeyAsync(idempotency, cancellationToken);

    public Task<AutopostItem?> GetAsync(long id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<AutopostItem>> ListAsync(AutopostQuery query, long? beforeId, int limit, CancellationToken cancellationToken = default) =>
        inner.ListAsync(query, beforeId, limit, cancellationToken);

    public Task<AutopostCommandResult> CancelAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) => inner.CancelAsync(id, now, cancellationToken);

    public Task<AutopostCommandResult> RetryNowAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) => inner.RetryNowAsync(id, now, cancellationToken);

    public Task<int> CompleteAsync(IReadOnlyList<AutopostCompletion> completions, CancellationToken cancellationToken = default) =>
        inner.CompleteAsync(completions, cancellationToken);

    public Task<long?> FindRecentPostAsync(string channel, string dedupKey, DateTimeOffset since, long excludeItemId, CancellationToken cancellationToken = default) =>
        inner.FindRecentPostAsync(channel, dedupKey, since, excludeItemId, cancellationToken);

    public Task<IReadOnlyList<AutopostChannelRecord>> ListChannelOutcomesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        inner.ListChannelOutcomesAsync(from, to, cancellationToken);
}
