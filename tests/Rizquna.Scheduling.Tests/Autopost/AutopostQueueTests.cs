using System.Text.Json;
using Rizquna.Scheduling.Autopost;
using Rizquna.Scheduling.Tests.Lanes;
using Rizquna.Testing;

namespace Rizquna.Scheduling.Tests.Autopost;

public sealed class AutopostQueueTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);
    private readonly AutopostStoreFactory _stores = new();
    private readonly ManualTimeProvider _time = new(Start);

    private static AutopostOptions Options() => new()
    {
        Channels = new(StringComparer.OrdinalIgnoreCase) { ["facebook/001"] = "page-1", ["telegram/001"] = "-100123" },
        DefaultChannels = ["facebook/001"],
    };

    private AutopostQueue Queue(string kind) => new(_stores.Create(kind), new StaticOptionsMonitor<AutopostOptions>(Options()), _time);

    public void Dispose() => _stores.Dispose();

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Enqueue_rejects_the_whole_request_naming_every_bad_field(string kind)
    {
        var queue = Queue(kind);
        var error = await Assert.ThrowsAsync<AutopostValidationException>(() => queue.EnqueueAsync(new AutopostEnqueueRequest
        {
            Title = " ",
            Link = "ftp://example.com/x",
            ImageUrl = "not a url",
            Data = JsonDocument.Parse("[1,2]").RootElement,
            Channels = ["facebook/001", "nope", "instagram/009", "facebook/001"],
        }));

        Assert.Equal(["channels[1]", "channels[2]", "channels[3]", "data", "image_url", "link", "title"], error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("not a configured channel", error.Errors["channels[2]"][0], StringComparison.Ordinal);
        Assert.Contains("listed twice", error.Errors["channels[3]"][0], StringComparison.Ordinal);
        Assert.Contains("title", error.Message, StringComparison.Ordinal);
        Assert.Empty((await queue.ListAsync(new AutopostQuery())).Items);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Enqueue_uses_default_channels_and_the_game_window_dedup_key(string kind)
    {
        var queue = Queue(kind);
        var item = await queue.EnqueueAsync(new AutopostEnqueueRequest
        {
            Title = "Gates RTP",
            Link = "https://example.com/rtp?x=1",
            Data = JsonDocument.Parse("""{"game":"Gates of Olympus","window":"13:00-15:00","rtp":96.5}""").RootElement,
        });

        var stored = await queue.GetAsync(item.Id);
        Assert.NotNull(stored);
        Assert.Equal(AutopostStatus.Ready, stored.Status);
        Assert.Equal(["facebook/001"], stored.Channels.Select(c => c.Channel));
        Assert.Equal(Start, stored.PublishAt);
        Assert.NotNull(stored.DedupKey);
        Assert.Contains("gates of olympus", stored.DedupKey, StringComparison.Ordinal);
        Assert.Contains("13:00-15:00", stored.DedupKey, StringComparison.Ordinal);
        Assert.Equal("96.5", stored.Data!.Value.GetProperty("rtp").GetRawText());
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task List_filters_and_pages_with_a_cursor_newest_first(string kind)
    {
        var queue = Queue(kind);
        var ids = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            var item = await queue.EnqueueAsync(new AutopostEnqueueRequest
            {
                Title = $"item {i}",
                Channels = i % 2 == 0 ? ["telegram/001"] : ["facebook/001"],
                PublishAt = Start.AddHours(i),
            });
            ids.Add(item.Id);
        }

        var first = await queue.ListAsync(new AutopostQuery { Limit = 3 });
        Assert.Equal(ids.AsEnumerable().Reverse().Take(3), first.Items.Select(i => i.Id));
        Assert.NotNull(first.NextCursor);
        var second = await queue.ListAsync(new AutopostQuery { Limit = 3, Cursor = first.NextCursor });
        Assert.Equal(ids.AsEnumerable().Reverse().Skip(3).Take(3), second.Items.Select(i => i.Id));
        var third = await queue.ListAsync(new AutopostQuery { Limit = 3, Cursor = second.NextCursor });
        Assert.Single(third.Items);
        Assert.Null(third.NextCursor);

        var telegram = await queue.ListAsync(new AutopostQuery { Channel = "Telegram/001", PublishFrom = Start.AddHours(1), PublishTo = Start.AddHours(6) });
        Assert.Equal(new[] { ids[4], ids[2] }, telegram.Items.Select(i => i.Id));

        await queue.CancelAsync(ids[0]);
        var cancelled = await queue.ListAsync(new AutopostQuery { Status = AutopostStatus.Cancelled });
        Assert.Equal(new[] { ids[0] }, cancelled.Items.Select(i => i.Id));

        await Assert.ThrowsAsync<ArgumentException>(() => queue.ListAsync(new AutopostQuery { Cursor = "abc" }));
        await Assert.ThrowsAsync<ArgumentException>(() => queue.ListAsync(new AutopostQuery { Limit = 0 }));
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Cancel_and_retry_now_follow_the_item_state(string kind)
    {
        var queue = Queue(kind);
        Assert.Equal(AutopostCommandStatus.NotFound, (await queue.CancelAsync(999)).Status);

        var item = await queue.EnqueueAsync(new AutopostEnqueueRequest { Title = "t", PublishAt = Start.AddHours(2) });
        var retried = await queue.RetryNowAsync(item.Id);
        Assert.Equal(AutopostCommandStatus.Done, retried.Status);
        Assert.Equal(Start, retried.Item!.Channels[0].NextAttemptAt);

        var cancelled = await queue.CancelAsync(item.Id);
        Assert.Equal(AutopostCommandStatus.Done, cancelled.Status);
        Assert.Equal(AutopostStatus.Cancelled, (await queue.GetAsync(item.Id))!.Status);
        Assert.Equal(AutopostChannelStatus.Cancelled, (await queue.GetAsync(item.Id))!.Channels[0].Status);

        var again = await queue.CancelAsync(item.Id);
        Assert.Equal(AutopostCommandStatus.NotAllowed, again.Status);
        Assert.Equal(AutopostCommandStatus.NotAllowed, (await queue.RetryNowAsync(item.Id)).Status);
    }
}
