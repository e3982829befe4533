using Rizquna.Content;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Lanes;
using Rizquna.Scheduling.Lanes.Folder;
using Rizquna.Scheduling.Lanes.Publishing;
using Rizquna.Testing;

namespace Rizquna.Scheduling.Tests.Lanes;

public sealed class PostLaneHandlerTests : IDisposable
{
    private static readonly AccountRef Account = new(PlatformId.Instagram, "001", "ig-1");
    private readonly TempFolder _folder = new();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    private sealed class FakeMediaHost : IMediaHost
    {
        public ValueTask<Uri> HostAsync(MediaItem localMedia, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new Uri("https://cdn.example/" + Path.GetFileName(localMedia.LocalPath)));
    }

    private (PostLaneHandler Handler, RecordingPublisher Publisher, InMemoryPostLedger Ledger) Create(IMediaHost? host)
    {
        var publisher = new RecordingPublisher(PlatformId.Instagram, _time);
        var ledger = new InMemoryPostLedger();
        var source = new FolderContentSource(new StaticOptionsMonitor<FolderContentOptions>(new FolderContentOptions { Root = _folder.Path }));
        var handler = new PostLaneHandler(source, ledger, [publisher], [], new CaptionComposer(new CaptionTemplater(new ContentOptions())),
            new StaticOptionsMonitor<LanesOptions>(new LanesOptions { Campaign = "pagi" }), _time, host);
        return (handler, publisher, ledger);
    }

    private JobRunContext Context() => new()
    {
        JobName = "ops_post_001",
        Lane = LaneKind.Post,
        Account = Account,
        PlanVersion = 1,
        ScheduledAt = _time.GetUtcNow(),
        Attempt = 1,
        CorrelationId = "c",
        TimeZone = TimeZoneInfo.Utc,
    };

    [Fact]
    public async Task Media_needing_a_public_url_fails_clearly_before_any_platform_call_without_a_media_host()
    {
        _folder.File("001/a/photo.jpg");
        _folder.File("001/a/manifest.json", """{"text":"Hi","link":"https://shop.example/x"}""");
        var (handler, publisher, ledger) = Create(host: null);

        var error = await Assert.ThrowsAsync<PlatformException>(() => handler.RunAsync(Context()));

        Assert.Equal(PlatformErrorKind.Permanent, error.Kind);
        Assert.Contains("no media host (IMediaHost) is configured", error.Message, StringComparison.Ordinal);
        Assert.Empty(publisher.Calls);
        Assert.Null(await ledger.GetAsync("instagram/001", "a"));
    }

    [Fact]
    public async Task With_a_media_host_the_item_is_posted_once_with_public_media_and_the_link_in_the_caption()
    {
        _folder.File("001/a/photo.jpg");
        _folder.File("001/a/manifest.json", """{"text":"Hi","link":"https://shop.example/x"}""");
        var (handler, publisher, ledger) = Create(new FakeMediaHost());

        Assert.Equal(LaneRunOutcome.Succeeded, (await handler.RunAsync(Context())).Outcome);
        Assert.Equal(LaneRunOutcome.Skipped, (await handler.RunAsync(Context())).Outcome);

        var post = Assert.Single(publisher.Calls).Request.Post;
        Assert.Equal(new Uri("https://cdn.example/photo.jpg"), Assert.Single(post.Media).Url);
        Assert.Equal("Hi\n\nhttps://shop.example/x?utm_source=instagram&utm_medium=social&utm_campaign=pagi&utm_content=a", post.Text);
        var entry = (await ledger.GetAsync("instagram/001", "a"))!;
        Assert.Equal(PostLedgerState.Published, entry.State);
        Assert.Equal(new Uri("https://instagram.example/instagram-1"), entry.Permalink);
    }
}
