using Rizquna.Scheduling.Autopost;

namespace Rizquna.Scheduling.Tests.Autopost;

/// <summary>Group commit in <c>SqliteAutopostStore.InsertAsync</c>: concurrent inserts share a transaction but not their fate.</summary>
public sealed class AutopostGroupCommitTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);
    private readonly AutopostStoreFactory _stores = new();

    public void Dispose() => _stores.Dispose();

    private static AutopostItem Draft(string title) => new()
    {
        Id = 0,
        Title = title,
        DedupKey = title,
        PublishAt = T0,
        Status = AutopostStatus.Ready,
        CreatedAt = T0,
        UpdatedAt = T0,
        Channels = [new AutopostChannelResult { Channel = "facebook/001" }, new AutopostChannelResult { Channel = "telegram/001" }],
    };

    [Fact]
    public async Task Many_concurrent_inserts_get_distinct_ids_and_all_survive_reopening_the_file()
    {
        var store = _stores.Create("sqlite");
        var inserted = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(() => store.InsertAsync(Draft($"item {i}")))));

        Assert.Equal(500, inserted.Select(i => i.Id).Distinct().Count());
        using var reopened = (IDisposable)_stores.Reopen();
        var again = (IAutopostStore)reopened;
        foreach (var item in inserted)
        {
            var read = await again.GetAsync(item.Id);
            Assert.NotNull(read);
            Assert.Equal(item.Title, read.Title);
            Assert.Equal(["facebook/001", "telegram/001"], read.Channels.Select(c => c.Channel));
        }
    }

    [Fact]
    public async Task A_failing_item_in_a_group_fails_only_its_own_caller()
    {
        var store = _stores.Create("sqlite");
        var tasks = Enumerable.Range(0, 50)
            .Select(i => store.InsertAsync(i == 25 ? Draft("bad") with { Title = null! } : Draft($"good {i}")))
            .ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => tasks[25]);
        var good = await Task.WhenAll(tasks.Where((_, i) => i != 25));
        Assert.Equal(49, good.Select(g => g.Id).Distinct().Count());

        using var reopened = (IDisposable)_stores.Reopen();
        var again = (IAutopostStore)reopened;
        foreach (var item in good)
        {
            Assert.Equal(item.Title, (await again.GetAsync(item.Id))!.Title);
        }

        var all = await again.ListAsync(new AutopostQuery(), null, 100);
        Assert.Equal(49, all.Count);
        Assert.DoesNotContain(all, i => i.Title is null or "bad");
    }

    [Fact]
    public async Task A_caller_cancelled_before_it_is_written_writes_nothing()
    {
        var store = _stores.Create("sqlite");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.InsertAsync(Draft("never"), cancelled.Token));
        var kept = await store.InsertAsync(Draft("kept"));

        var all = await store.ListAsync(new AutopostQuery(), null, 10);
        Assert.Equal(["kept"], all.Select(i => i.Title));
        Assert.Equal(kept.Id, all[0].Id);
    }
}
