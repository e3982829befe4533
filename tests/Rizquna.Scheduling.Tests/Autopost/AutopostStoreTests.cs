using Rizquna.Scheduling.Autopost;

namespace Rizquna.Scheduling.Tests.Autopost;

public sealed class AutopostStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);
    private readonly AutopostStoreFactory _stores = new();

    public void Dispose() => _stores.Dispose();

    private static AutopostItem Draft(DateTimeOffset publishAt, string dedup = "k", params string[] channels) => new()
    {
        Id = 0,
        Title = "t",
        DedupKey = dedup,
        PublishAt = publishAt,
        Status = AutopostStatus.Ready,
        CreatedAt = T0,
        UpdatedAt = T0,
        Channels = (channels.Length == 0 ? ["facebook/001"] : channels).Select(c => new AutopostChannelResult { Channel = c }).ToList(),
    };

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Claim_takes_only_due_items_up_to_the_batch_and_never_twice_within_a_lease(string kind)
    {
        var store = _stores.Create(kind);
        for (var i = 0; i < 25; i++)
        {
            await store.InsertAsync(Draft(T0.AddSeconds(i)));
        }

        await store.InsertAsync(Draft(T0.AddHours(1)));

        var first = await store.ClaimDueAsync(T0.AddMinutes(1), 20, T0.AddMinutes(6));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), first.Select(c => c.Item.Id));
        Assert.All(first, c => Assert.Equal(AutopostStatus.Ready, c.Item.Status));

        var second = await store.ClaimDueAsync(T0.AddMinutes(1), 20, T0.AddMinutes(6));
        Assert.Equal(Enumerable.Range(21, 5).Select(i => (long)i), second.Select(c => c.Item.Id));
        Assert.Empty(await store.ClaimDueAsync(T0.AddMinutes(2), 20, T0.AddMinutes(7)));
        Assert.Equal(AutopostStatus.Posting, (await store.GetAsync(1))!.Status);
        Assert.NotNull((await store.GetAsync(1))!.Channels[0].AttemptStartedAt);

        // The lease of a crashed worker expires: the item is claimed again, and the open attempt is visible.
        var reclaimed = await store.ClaimDueAsync(T0.AddMinutes(6), 1, T0.AddMinutes(11));
        Assert.Single(reclaimed);
        Assert.Equal(AutopostStatus.Posting, reclaimed[0].Item.Status);
        Assert.Equal(T0.AddMinutes(1), reclaimed[0].Item.Channels[0].AttemptStartedAt);

        // The first worker wakes up late: its completion is fenced out by the claim token.
        var stale = first.First(c => c.Item.Id == reclaimed[0].Item.Id);
        Assert.Equal(0, await store.CompleteAsync([new AutopostCompletion(stale.ClaimToken, Posted(stale.Item, T0.AddMinutes(7)))]));
        Assert.Equal(1, await store.CompleteAsync([new AutopostCompletion(reclaimed[0].ClaimToken, Posted(reclaimed[0].Item, T0.AddMinutes(7)))]));
        var done = (await store.GetAsync(reclaimed[0].Item.Id))!;
        Assert.Equal(AutopostStatus.Posted, done.Status);
        Assert.Equal("p1", done.Channels[0].PlatformPostId);
        Assert.Equal(new Uri("https://fb.example/p1"), done.Channels[0].Url);
        Assert.Null(done.Channels[0].AttemptStartedAt);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Completion_with_a_pending_retry_makes_the_item_due_again_at_the_retry_time(string kind)
    {
        var store = _stores.Create(kind);
        var item = await store.InsertAsync(Draft(T0, "k", "facebook/001", "telegram/001"));
        var claim = (await store.ClaimDueAsync(T0, 20, T0.AddMinutes(5)))[0];
        var after = claim.Item with
        {
            UpdatedAt = T0,
            Channels =
            [
                claim.Item.Channels[0] with { Status = AutopostChannelStatus.Pending, Attempts = 1, NextAttemptAt = T0.AddMinutes(1), Error = "boom" },
                claim.Item.Channels[1] with { Status = AutopostChannelStatus.Posted, Attempts = 1, PlatformPostId = "t1", PostedAt = T0 },
            ],
        };
        Assert.Equal(1, await store.CompleteAsync([new AutopostCompletion(claim.ClaimToken, after)]));

        var stored = (await store.GetAsync(item.Id))!;
        Assert.Equal(AutopostStatus.Ready, stored.Status);
        Assert.Empty(await store.ClaimDueAsync(T0.AddSeconds(59), 20, T0.AddMinutes(6)));
        var retry = await store.ClaimDueAsync(T0.AddMinutes(1), 20, T0.AddMinutes(6));
        Assert.Single(retry);
        Assert.Equal("boom", retry[0].Item.Channels[0].Error);

        var outcomes = await store.ListChannelOutcomesAsync(T0, T0.AddDays(1));
        Assert.Equal("t1", Assert.Single(outcomes).Result.PlatformPostId);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Recent_posts_are_found_by_channel_and_dedup_key_within_the_window(string kind)
    {
        var store = _stores.Create(kind);
        var first = await store.InsertAsync(Draft(T0, "game|w"));
        var claim = (await store.ClaimDueAsync(T0, 20, T0.AddMinutes(5)))[0];
        await store.CompleteAsync([new AutopostCompletion(claim.ClaimToken, Posted(claim.Item, T0))]);

        Assert.Equal(first.Id, await store.FindRecentPostAsync("facebook/001", "game|w", T0.AddMinutes(-60), excludeItemId: 99));
        Assert.Null(await store.FindRecentPostAsync("facebook/001", "game|w", T0.AddMinutes(1), excludeItemId: 99));
        Assert.Null(await store.FindRecentPostAsync("telegram/001", "game|w", T0.AddMinutes(-60), excludeItemId: 99));
        Assert.Null(await store.FindRecentPostAsync("facebook/001", "game|w", T0.AddMinutes(-60), excludeItemId: first.Id));
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Complete_and_claim_next_records_the_batch_then_claims_the_next_one_seeing_its_results(string kind)
    {
        var store = _stores.Create(kind);
        for (var i = 0; i < 3; i++)
        {
            await store.InsertAsync(Draft(T0.AddSeconds(i)));
        }

        var first = await store.ClaimDueAsync(T0.AddSeconds(5), 2, T0.AddMinutes(5));
        var next = await store.CompleteAndClaimNextAsync(first.Select(c => new AutopostCompletion(c.ClaimToken, Posted(c.Item, T0))).ToList(), T0.AddSeconds(5), 2, T0.AddMinutes(6));

        // Only the third item is due: the recorded ones are done, so the claim in the same write does not take them again.
        Assert.Equal(3, Assert.Single(next).Item.Id);
        Assert.Contains(await store.FindRecentPostAsync("facebook/001", "k", T0.AddMinutes(-60), excludeItemId: 3), new long?[] { 1, 2 });
        Assert.Equal(AutopostStatus.Posted, (await store.GetAsync(1))!.Status);
        Assert.Equal(AutopostStatus.Posting, (await store.GetAsync(3))!.Status);
    }

    [Fact]
    public async Task Sqlite_complete_and_claim_next_is_one_durable_write_visible_after_a_restart()
    {
        var store = _stores.Create("sqlite");
        for (var i = 0; i < 4; i++)
        {
            await store.InsertAsync(Draft(T0.AddSeconds(i)));
        }

        var first = await store.ClaimDueAsync(T0.AddSeconds(5), 2, T0.AddMinutes(5));
        var completions = first.Select(c => new AutopostCompletion(c.ClaimToken, Posted(c.Item, T0))).ToList();

        // A failure inside the combined write (here: an invalid batch size, raised after the results were written in the
        // transaction) must leave BOTH steps unapplied, as a crash before the commit would.
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.CompleteAndClaimNextAsync(completions, T0.AddSeconds(5), -1, T0.AddMinutes(6)));
        var reopened = _stores.Reopen();
        Assert.Equal(AutopostStatus.Posting, (await reopened.GetAsync(1))!.Status);
        Assert.Null((await reopened.GetAsync(1))!.Channels[0].PlatformPostId);
        Assert.Equal(AutopostStatus.Ready, (await reopened.GetAsync(3))!.Status);
        ((IDisposable)reopened).Dispose();

        // The real call: results of batch 1 and the claims of batch 2 both survive a restart.
        var next = await store.CompleteAndClaimNextAsync(completions, T0.AddSeconds(5), 2, T0.AddMinutes(6));
        Assert.Equal([3L, 4L], next.Select(c => c.Item.Id));
        reopened = _stores.Reopen();
        Assert.All(new[] { 1L, 2L }, id => Assert.Equal(AutopostStatus.Posted, reopened.GetAsync(id).Result!.Status));
        Assert.Equal("p1", (await reopened.GetAsync(2))!.Channels[0].PlatformPostId);
        foreach (var id in new[] { 3L, 4L })
        {
            var claimed = (await reopened.GetAsync(id))!;
            Assert.Equal(AutopostStatus.Posting, claimed.Status);
            Assert.Equal(T0.AddSeconds(5), claimed.Channels[0].AttemptStartedAt);
        }

        // Leased: not claimable again until the lease ends (a crash now is reconciled after it).
        Assert.Empty(await reopened.ClaimDueAsync(T0.AddMinutes(5), 20, T0.AddMinutes(10)));
        Assert.Equal(2, (await reopened.ClaimDueAsync(T0.AddMinutes(6), 20, T0.AddMinutes(11))).Count);
        ((IDisposable)reopened).Dispose();
    }

    [Fact]
    public async Task Sqlite_keeps_everything_across_a_restart()
    {
        var store = _stores.Create("sqlite");
        var item = await store.InsertAsync(Draft(T0) with { Summary = "s", Link = new Uri("https://example.com/a?b=1"), Template = "daily", Variant = "B" });
        var reopened = _stores.Reopen();
        var loaded = await reopened.GetAsync(item.Id);
        Assert.Equal(item with { Channels = loaded!.Channels }, loaded);
        Assert.Equal(item.Channels, loaded.Channels);
        ((IDisposable)reopened).Dispose();
    }

    private static AutopostItem Posted(AutopostItem item, DateTimeOffset at) => item with
    {
        UpdatedAt = at,
        Channels = item.Channels.Select(c => c with
        {
            Status = AutopostChannelStatus.Posted,
            Attempts = 1,
            AttemptStartedAt = null,
            PlatformPostId = "p1",
            Url = new Uri("https://fb.example/p1"),
            PostedAt = at,
        }).ToList(),
    };
}
