using System.Text.Json;
using Rizquna.Content;
using Rizquna.Scheduling.Approvals;
using Rizquna.Scheduling.Autopost;
using Rizquna.Scheduling.Autopost.Worker;
using Rizquna.Scheduling.Tests.Lanes;
using Rizquna.Testing;

namespace Rizquna.Scheduling.Tests.Autopost;

public sealed class AutopostWorkerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);
    private readonly AutopostStoreFactory _stores = new();
    private readonly ManualTimeProvider _time = new(Start);
    private readonly RecordingPublisher _facebook;
    private readonly RecordingPublisher _telegram;
    private readonly RecordingReporter _reporter = new();
    private readonly AutopostOptions _options = new()
    {
        Channels = new(StringComparer.OrdinalIgnoreCase) { ["facebook/001"] = "page-1", ["telegram/001"] = "-100123" },
        DefaultChannels = ["facebook/001", "telegram/001"],
        Campaign = "rtp-daily",
    };

    public AutopostWorkerTests()
    {
        _facebook = new RecordingPublisher(PlatformId.Facebook, _time);
        _telegram = new RecordingPublisher(PlatformId.Telegram, _time);
    }

    public void Dispose() => _stores.Dispose();

    private (AutopostQueue Queue, AutopostWorker Worker, IAutopostStore Store) Create(string kind, IApprovalGate? gate = null, bool reconcilers = true)
    {
        var store = _stores.Create(kind);
        var options = new StaticOptionsMonitor<AutopostOptions>(_options);
        var composer = new CaptionComposer(new CaptionTemplater(new ContentOptions().AddTemplate("rtp", null, "{{game}} RTP {{rtp}}% — {{link}}")));
        var worker = new AutopostWorker(store, options, [_facebook, _telegram],
            reconcilers ? [new RecordingReconciler(_facebook), new RecordingReconciler(_telegram)] : [],
            composer, _time, approvals: gate, reporters: [_reporter]);
        return (new AutopostQueue(store, options, _time), worker, store);
    }

    private static AutopostEnqueueRequest Rtp(string game = "Gates", string window = "13:00", string[]? channels = null) => new()
    {
        Title = $"{game} {window}",
        Link = "https://example.com/rtp?ref=x",
        Template = "rtp",
        Data = JsonDocument.Parse($$"""{"game":"{{game}}","window":"{{window}}","rtp":"96.5"}""").RootElement,
        Channels = channels,
    };

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Each_channel_gets_its_own_caption_with_utm_and_the_result_is_recorded(string kind)
    {
        var (queue, worker, _) = Create(kind);
        var item = await queue.EnqueueAsync(Rtp());

        var result = await worker.RunOnceAsync();

        Assert.Equal(new AutopostBatchResult(1, 2, 0, 0, 0, 0), result);
        var fb = Assert.Single(_facebook.Calls).Request;
        Assert.Equal($"Gates RTP 96.5% — https://example.com/rtp?ref=x&utm_source=facebook&utm_medium=social&utm_campaign=rtp-daily&utm_content={item.Id}", fb.Post.Text);
        Assert.Equal($"autopost:{item.Id}:facebook/001", fb.IdempotencyKey);
        Assert.Equal("page-1", fb.Account.PlatformAccountId);
        var tg = Assert.Single(_telegram.Calls).Request;
        Assert.Contains("utm_source=telegram", tg.Post.Text, StringComparison.Ordinal);

        var stored = (await queue.GetAsync(item.Id))!;
        Assert.Equal(AutopostStatus.Posted, stored.Status);
        Assert.Equal("facebook-1", stored.Channels[0].PlatformPostId);
        Assert.Equal(new Uri("https://facebook.example/facebook-1"), stored.Channels[0].Url);
        Assert.Equal(1, stored.Channels[0].Attempts);
        Assert.Equal(AutopostBatchResult.Empty, await worker.RunOnceAsync());
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task The_same_game_and_window_within_60_minutes_is_skipped_naming_the_earlier_item_and_posts_after_61(string kind)
    {
        var (queue, worker, _) = Create(kind);
        var first = await queue.EnqueueAsync(Rtp(channels: ["facebook/001"]));
        await worker.RunOnceAsync();

        _time.Advance(TimeSpan.FromMinutes(30));
        var second = await queue.EnqueueAsync(Rtp(channels: ["facebook/001"]));
        var other = await queue.EnqueueAsync(Rtp(window: "15:00", channels: ["facebook/001"]));
        await worker.RunOnceAsync();

        var skipped = (await queue.GetAsync(second.Id))!;
        Assert.Equal(AutopostStatus.Skipped, skipped.Status);
        Assert.Equal(AutopostChannelStatus.Skipped, skipped.Channels[0].Status);
        Assert.Equal(first.Id, skipped.Channels[0].SkippedBecauseOf);
        Assert.Equal(AutopostStatus.Posted, (await queue.GetAsync(other.Id))!.Status);

        _time.Advance(TimeSpan.FromMinutes(31)); // 61 minutes after the first post
        var third = await queue.EnqueueAsync(Rtp(channels: ["facebook/001"]));
        await worker.RunOnceAsync();
        Assert.Equal(AutopostStatus.Posted, (await queue.GetAsync(third.Id))!.Status);
        Assert.Equal(3, _facebook.Calls.Count);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Two_items_with_the_same_key_in_one_batch_post_once(string kind)
    {
        var (queue, worker, _) = Create(kind);
        var first = await queue.EnqueueAsync(Rtp(channels: ["facebook/001"]));
        var second = await queue.EnqueueAsync(Rtp(channels: ["facebook/001"]));
        await worker.RunOnceAsync();
        Assert.Single(_facebook.Calls);
        Assert.Equal(first.Id, (await queue.GetAsync(second.Id))!.Channels[0].SkippedBecauseOf);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task A_failing_channel_retries_at_1_5_15_minutes_then_fails_while_the_other_is_posted_once(string kind)
    {
        var (queue, worker, _) = Create(kind);
        _telegram.Behavior = _ => throw new PlatformException(PlatformId.Telegram, PlatformErrorKind.Transient, "Bad Gateway");
        var item = await queue.EnqueueAsync(Rtp());

        await worker.RunOnceAsync();
        var afterFirst = (await queue.GetAsync(item.Id))!;
        Assert.Equal(AutopostStatus.Ready, afterFirst.Status);
        Assert.Equal(AutopostChannelStatus.Posted, afterFirst.Channels[0].Status);
        Assert.Equal(Start.AddMinutes(1), afterFirst.Channels[1].NextAttemptAt);

        foreach (var minutes in new[] { 1, 5, 15 })
        {
            _time.Advance(TimeSpan.FromMinutes(minutes) - TimeSpan.FromSeconds(1));
            Assert.Equal(AutopostBatchResult.Empty, await worker.RunOnceAsync());
            _time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(1, (await worker.RunOnceAsync()).Claimed);
        }

        Assert.Equal(
            new[] { Start, Start.AddMinutes(1), Start.AddMinutes(6), Start.AddMinutes(21) },
            _telegram.Calls.Select(c => c.At));
        Assert.Single(_facebook.Calls);
        var final = (await queue.GetAsync(item.Id))!;
        Assert.Equal(AutopostStatus.Failed, final.Status);
        Assert.Equal(AutopostChannelStatus.Failed, final.Channels[1].Status);
        Assert.Equal(4, final.Channels[1].Attempts);
        Assert.Equal("Bad Gateway", final.Channels[1].Error);
        Assert.Equal(AutopostChannelStatus.Posted, final.Channels[0].Status);
        var alert = Assert.Single(_reporter.Reports);
        Assert.Contains("telegram/001", alert.Body, StringComparison.Ordinal);

        // Retry now gives the failed channel a fresh try and leaves the posted one alone.
        _telegram.Behavior = null;
        Assert.Equal(AutopostCommandStatus.Done, (await queue.RetryNowAsync(item.Id)).Status);
        await worker.RunOnceAsync();
        Assert.Equal(AutopostStatus.Posted, (await queue.GetAsync(item.Id))!.Status);
        Assert.Single(_facebook.Calls);
        Assert.Equal(5, _telegram.Calls.Count);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Invalid_content_fails_at_once_without_retry(string kind)
    {
        var (queue, worker, _) = Create(kind);
        _facebook.Behavior = _ => throw new PlatformException(PlatformId.Facebook, PlatformErrorKind.InvalidContent, "(#100) bad image");
        var item = await queue.EnqueueAsync(Rtp(channels: ["facebook/001"]));
        await worker.RunOnceAsync();
        var stored = (await queue.GetAsync(item.Id))!;
        Assert.Equal(AutopostStatus.Failed, stored.Status);
        Assert.Equal(1, stored.Channels[0].Attempts);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task A_worker_that_dies_after_the_platform_accepted_causes_no_second_post(string kind)
    {
        var (queue, worker, store) = Create(kind);
        var item = await queue.EnqueueAsync(Rtp(channels: ["facebook/001"]));

        // Simulate the dead worker: claim, publish, never record.
        var claim = Assert.Single(await store.ClaimDueAsync(Start, 20, Start + _options.LeaseDuration));
        await _facebook.PublishAsync(new PublishRequest(new AccountRef(PlatformId.Facebook, "001", "page-1"), new Post { Text = "x" }, $"autopost:{item.Id}:facebook/001"));

        Assert.Equal(AutopostBatchResult.Empty, await worker.RunOnceAsync());
        _time.Advance(_options.LeaseDuration);
        var result = await worker.RunOnceAsync();

        Assert.Equal(1, result.Posted);
        Assert.Single(_facebook.Calls);
        var stored = (await queue.GetAsync(item.Id))!;
        Assert.Equal(AutopostStatus.Posted, stored.Status);
        Assert.Equal($"found-autopost:{item.Id}:facebook/001", stored.Channels[0].PlatformPostId);
        Assert.Equal(claim.ClaimedAt, Start);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Without_a_reconciler_an_unknown_outcome_is_never_posted_again(string kind)
    {
        var (queue, worker, store) = Create(kind, reconcilers: false);
        var item = await queue.EnqueueAsync(Rtp(channels: ["facebook/001"]));
        await store.ClaimDueAsync(Start, 20, Start + _options.LeaseDuration);
        _time.Advance(_options.LeaseDuration);

        await worker.RunOnceAsync();

        Assert.Empty(_facebook.Calls);
        var stored = (await queue.GetAsync(item.Id))!;
        Assert.Equal(AutopostStatus.Failed, stored.Status);
        Assert.Contains("unknown outcome", stored.Channels[0].Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task A_channel_waiting_for_approval_posts_once_approved(string kind)
    {
        var gate = new ScriptedApprovalGate();
        var (queue, worker, _) = Create(kind, gate);
        var item = await queue.EnqueueAsync(Rtp(channels: ["facebook/001"]));
        var key = $"autopost:{item.Id}:facebook/001";
        gate.Answers[key] = ApprovalGateStatus.Pending;

        Assert.Equal(1, (await worker.RunOnceAsync()).AwaitingApproval);
        Assert.Equal(AutopostStatus.PendingApproval, (await queue.GetAsync(item.Id))!.Status);
        Assert.Empty(_facebook.Calls);
        Assert.Equal("publish", gate.Requests[0].ActionType);
        Assert.Contains("Gates RTP", gate.Requests[0].Text, StringComparison.Ordinal);

        gate.Answers[key] = ApprovalGateStatus.Proceed;
        _time.Advance(_options.ApprovalRecheckInterval);
        Assert.Equal(1, (await worker.RunOnceAsync()).Posted);
        Assert.Single(_facebook.Calls);
        Assert.Equal(AutopostStatus.Posted, (await queue.GetAsync(item.Id))!.Status);
    }

    [Fact]
    public async Task A_claim_takes_at_most_the_batch_size()
    {
        var (queue, worker, _) = Create("sqlite");
        for (var i = 0; i < 45; i++)
        {
            await queue.EnqueueAsync(Rtp(window: i.ToString(System.Globalization.CultureInfo.InvariantCulture), channels: ["telegram/001"]));
        }

        Assert.Equal(20, (await worker.RunOnceAsync()).Claimed);
        Assert.Equal(20, (await worker.RunOnceAsync()).Claimed);
        Assert.Equal(5, (await worker.RunOnceAsync()).Claimed);
        Assert.Equal(45, _telegram.Calls.Count);
        Assert.Equal(45, _telegram.Calls.Select(c => c.Request.IdempotencyKey).Distinct().Count());
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Drain_posts_every_due_item_once_across_batches_and_dedups_against_earlier_batches(string kind)
    {
        var (queue, worker, store) = Create(kind);
        var ids = new List<long>();
        for (var i = 0; i < 45; i++)
        {
            ids.Add((await queue.EnqueueAsync(Rtp(window: i.ToString(System.Globalization.CultureInfo.InvariantCulture), channels: ["telegram/001"]))).Id);
        }

        // Same key as item 0 (batch 1), landing in batch 3: the dedup check must see batch 1's recorded post.
        var duplicate = await queue.EnqueueAsync(Rtp(window: "0", channels: ["telegram/001"]));

        var result = await worker.DrainAsync();

        Assert.Equal(new AutopostBatchResult(46, 45, 0, 1, 0, 0), result);
        Assert.Equal(45, _telegram.Calls.Select(c => c.Request.IdempotencyKey).Distinct().Count());
        Assert.Equal(45, _telegram.Calls.Count);
        Assert.Equal(ids[0], (await queue.GetAsync(duplicate.Id))!.Channels[0].SkippedBecauseOf);
        foreach (var id in ids)
        {
            Assert.Equal(AutopostStatus.Posted, (await store.GetAsync(id))!.Status);
        }

        Assert.Equal(AutopostBatchResult.Empty, await worker.DrainAsync());
    }

    [Fact]
    public async Task Drain_stopped_between_batches_records_the_last_batch_and_claims_nothing_more()
    {
        var (queue, worker, store) = Create("sqlite");
        for (var i = 0; i < 25; i++)
        {
            await queue.EnqueueAsync(Rtp(window: i.ToString(System.Globalization.CultureInfo.InvariantCulture), channels: ["telegram/001"]));
        }

        using var stop = new CancellationTokenSource();
        _telegram.Behavior = _ =>
        {
            if (_telegram.Calls.Count == 20)
            {
                stop.Cancel();
            }
        };

        var result = await worker.DrainAsync(stop.Token);

        Assert.Equal(20, result.Posted);
        Assert.Equal(20, (await store.ListAsync(new AutopostQuery { Status = AutopostStatus.Posted }, null, 100)).Count);
        Assert.Equal(5, (await store.ListAsync(new AutopostQuery { Status = AutopostStatus.Ready }, null, 100)).Count);
    }
}
