using Rizquna.Scheduling.Autopost;

namespace Rizquna.Scheduling.Tests.Autopost;

/// <summary>Keyed inserts: the key and its item are written together (both or neither) and a repeat never queues twice.</summary>
public sealed class AutopostIdempotencyTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);
    private readonly AutopostStoreFactory _stores = new();

    public void Dispose() => _stores.Dispose();

    private static AutopostItem Draft(string title) => AutopostDrafts.Item(title, T0);

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task A_repeated_key_returns_the_first_item_and_queues_nothing(string kind)
    {
        var store = _stores.Create(kind);
        var first = await store.InsertAsync(Draft("first"), new AutopostIdempotency("k1", "h1"));
        var repeat = await store.InsertAsync(Draft("first"), new AutopostIdempotency("k1", "h1"));
        var reused = await store.InsertAsync(Draft("other"), new AutopostIdempotency("k1", "h2"));
        var other = await store.InsertAsync(Draft("second"), new AutopostIdempotency("k2", "h1"));

        Assert.Equal(AutopostEnqueueOutcome.Created, first.Outcome);
        Assert.Equal((AutopostEnqueueOutcome.Replayed, first.Item.Id, "first"), (repeat.Outcome, repeat.Item.Id, repeat.Item.Title));
        Assert.Equal((AutopostEnqueueOutcome.KeyReused, first.Item.Id), (reused.Outcome, reused.Item.Id));
        Assert.Equal(AutopostEnqueueOutcome.Created, other.Outcome);
        Assert.Equal(["second", "first"], (await store.ListAsync(new AutopostQuery(), null, 10)).Select(i => i.Title));
        Assert.Equal(first.Item.Id, (await store.FindByIdempotencyKeyAsync(new AutopostIdempotency("k1", "h1")))!.Item.Id);
        Assert.Null(await store.FindByIdempotencyKeyAsync(new AutopostIdempotency("k3", "h1")));
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Concurrent_inserts_with_the_same_key_queue_one_item(string kind)
    {
        var store = _stores.Create(kind);
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ =>
            Task.Run(() => store.InsertAsync(Draft("once"), new AutopostIdempotency("same", "h")))));

        Assert.Single(results, r => r.Outcome == AutopostEnqueueOutcome.Created);
        Assert.Single(results.Select(r => r.Item.Id).Distinct());
        Assert.Single(await store.ListAsync(new AutopostQuery(), null, 100));
    }

    [Fact]
    public async Task A_key_is_durable_with_its_item_and_answers_after_a_restart()
    {
        var store = _stores.Create("sqlite");
        var keyed = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Task.Run(() => store.InsertAsync(Draft($"item {i}"), new AutopostIdempotency($"key {i}", $"hash {i}")))));

        using var reopened = (IDisposable)_stores.Reopen();
        var again = (IAutopostStore)reopened;
        foreach (var (result, i) in keyed.Select((r, i) => (r, i)))
        {
            var repeat = await again.InsertAsync(Draft($"item {i}"), new AutopostIdempotency($"key {i}", $"hash {i}"));
            Assert.Equal((AutopostEnqueueOutcome.Replayed, result.Item.Id), (repeat.Outcome, repeat.Item.Id));
        }

        Assert.Equal(100, (await again.ListAsync(new AutopostQuery(), null, 1000)).Count);
    }

    [Fact]
    public async Task An_item_that_fails_to_write_leaves_its_key_unused()
    {
        var store = _stores.Create("sqlite");
        await Assert.ThrowsAnyAsync<Exception>(() => store.InsertAsync(Draft("bad") with { Title = null! }, new AutopostIdempotency("k", "h")));

        Assert.Null(await store.FindByIdempotencyKeyAsync(new AutopostIdempotency("k", "h")));
        var retried = await store.InsertAsync(Draft("good"), new AutopostIdempotency("k", "h"));
        Assert.Equal(AutopostEnqueueOutcome.Created, retried.Outcome);
        Assert.Equal(["good"], (await store.ListAsync(new AutopostQuery(), null, 10)).Select(i => i.Title));
    }

    [Fact]
    public async Task A_repeated_key_in_the_same_group_rolls_back_only_its_own_item()
    {
        var store = _stores.Create("sqlite");
        // Queued without awaiting, so the writer most likely takes them in one group; correct either way.
        var tasks = Enumerable.Range(0, 40)
            .Select(i => store.InsertAsync(Draft($"item {i / 2}"), new AutopostIdempotency($"key {i / 2}", "h")))
            .ToList();
        var results = await Task.WhenAll(tasks);

        Assert.Equal(20, results.Count(r => r.Outcome == AutopostEnqueueOutcome.Created));
        Assert.Equal(20, results.Select(r => r.Item.Id).Distinct().Count());
        var listed = await store.ListAsync(new AutopostQuery(), null, 100);
        Assert.Equal(20, listed.Count);
        Assert.All(results, r => Assert.Contains(listed, l => l.Id == r.Item.Id && l.Title == r.Item.Title));
    }
}
