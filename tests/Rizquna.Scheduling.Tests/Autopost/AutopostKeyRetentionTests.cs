using Microsoft.Extensions.Hosting;
using Rizquna.Content;
using Rizquna.Scheduling.Autopost;
using Rizquna.Scheduling.Autopost.Worker;
using Rizquna.Scheduling.Tests.Lanes;
using Rizquna.Testing;

namespace Rizquna.Scheduling.Tests.Autopost;

/// <summary>
/// Idempotency keys are not kept for ever: older than <see cref="AutopostOptions.IdempotencyKeyRetention"/> they are deleted
/// (their items stay), in batches, by the background worker once an hour.
/// </summary>
public sealed class AutopostKeyRetentionTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);
    private readonly AutopostStoreFactory _stores = new();

    public void Dispose() => _stores.Dispose();

    private static AutopostItem Draft(string title, DateTimeOffset createdAt) => AutopostDrafts.Item(title, createdAt);

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Keys_recorded_before_the_cutoff_are_deleted_their_items_stay_and_a_repeat_queues_anew(string kind)
    {
        var store = _stores.Create(kind);
        var old = await store.InsertAsync(Draft("old", T0), new AutopostIdempotency("old-key", "h"));
        var recent = await store.InsertAsync(Draft("recent", T0.AddDays(8)), new AutopostIdempotency("recent-key", "h"));

        var deleted = await store.PruneIdempotencyKeysAsync(T0.AddDays(1));

        Assert.Equal(1, deleted);
        Assert.Null(await store.FindByIdempotencyKeyAsync(new AutopostIdempotency("old-key", "h")));
        Assert.Equal(recent.Item.Id, (await store.FindByIdempotencyKeyAsync(new AutopostIdempotency("recent-key", "h")))!.Item.Id);
        Assert.NotNull(await store.GetAsync(old.Item.Id)); // the item is history, not a key

        var again = await store.InsertAsync(Draft("old", T0.AddDays(9)), new AutopostIdempotency("old-key", "h"));
        Assert.Equal(AutopostEnqueueOutcome.Created, again.Outcome);
        Assert.NotEqual(old.Item.Id, again.Item.Id);
        Assert.Equal(0, await store.PruneIdempotencyKeysAsync(T0.AddDays(1))); // nothing left before the cutoff
    }

    [Fact]
    public async Task The_sqlite_store_deletes_more_keys_than_one_batch_holds()
    {
        var store = _stores.Create("sqlite");
        await Task.WhenAll(Enumerable.Range(0, 2_345).Select(i =>
            store.InsertAsync(Draft($"item {i}", T0.AddSeconds(i)), new AutopostIdempotency($"key {i}", "h"))));

        var deleted = await store.PruneIdempotencyKeysAsync(T0.AddSeconds(2_300));

        Assert.Equal(2_300, deleted);
        Assert.Null(await store.FindByIdempotencyKeyAsync(new AutopostIdempotency("key 2299", "h")));
        Assert.NotNull(await store.FindByIdempotencyKeyAsync(new AutopostIdempotency("key 2300", "h")));
    }

    [Fact]
    public async Task A_store_that_records_no_keys_prunes_nothing()
    {
        IAutopostStore store = new KeylessStore();
        Assert.Equal(0, await store.PruneIdempotencyKeysAsync(T0));
    }

    [Fact]
    public async Task The_background_worker_prunes_at_its_first_tick_and_then_once_an_hour_with_the_configured_retention()
    {
        var time = new ManualTimeProvider(T0);
        var store = new PruneCountingStore(new Rizquna.Scheduling.Autopost.Storage.InMemoryAutopostStore());
        var options = new AutopostOptions { PollInterval = TimeSpan.FromMinutes(10), IdempotencyKeyRetention = TimeSpan.FromDays(2) };
        var composer = new CaptionComposer(new CaptionTemplater(new ContentOptions()));
        var worker = new AutopostWorker(store, new StaticOptionsMonitor<AutopostOptions>(options), [], [], composer, time);
        using var service = new AutopostWorkerService(worker, new StaticOptionsMonitor<AutopostOptions>(options), time);

        await service.StartAsync(CancellationToken.None);
        await store.WaitForPrunesAsync(1);
        Assert.Equal(T0 - TimeSpan.FromDays(2), store.Cutoffs[0]);

        for (var tick = 1; tick <= 5; tick++)
        {
            await AdvanceOneTickAsync(time, store, options.PollInterval);
        }

        Assert.Single(store.Cutoffs); // 50 minutes: not yet

        await AdvanceOneTickAsync(time, store, options.PollInterval);
        await store.WaitForPrunesAsync(2);
        Assert.Equal(T0 + TimeSpan.FromHours(1) - TimeSpan.FromDays(2), store.Cutoffs[1]);
        await service.StopAsync(CancellationToken.None);
    }

    /// <summary>
    /// Once the service waits for its poll interval (its delay timer exists), moves the clock to that timer and waits for
    /// the next tick's claim. A tick prunes after its claim, so a prune is awaited separately.
    /// </summary>
    private static async Task AdvanceOneTickAsync(ManualTimeProvider time, PruneCountingStore store, TimeSpan interval)
    {
        var claimsBefore = store.Claims;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (time.NextTimerDue is not { } due || due != time.GetUtcNow() + interval)
        {
            Assert.True(DateTime.UtcNow < deadline, "the worker never waited for its poll interval");
            await Task.Delay(5);
        }

        time.Advance(interval);
        await store.WaitForClaimsAsync(claimsBefore + 1);
    }

    private sealed class KeylessStore : IAutopostStore
    {
        public Task<AutopostItem> InsertAsync(AutopostItem item, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<AutopostItem?> GetAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<AutopostItem>> ListAsync(AutopostQuery query, long? beforeId, int limit, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<AutopostCommandResult> CancelAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<AutopostCommandResult> RetryNowAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<AutopostClaim>> ClaimDueAsync(DateTimeOffset now, int max, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<int> CompleteAsync(IReadOnlyList<AutopostCompletion> completions, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<long?> FindRecentPostAsync(string channel, string dedupKey, DateTimeOffset since, long excludeItemId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<AutopostChannelRecord>> ListChannelOutcomesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
