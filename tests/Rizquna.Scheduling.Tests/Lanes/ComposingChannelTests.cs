using Rizquna.Content;
using Rizquna.Scheduling.Autopost;
using Rizquna.Scheduling.Autopost.Worker;
using Rizquna.Scheduling.Lanes;
using Rizquna.Scheduling.Lanes.Folder;
using Rizquna.Scheduling.Lanes.Publishing;

namespace Rizquna.Scheduling.Tests.Lanes;

/// <summary>A shortener called while a lane composes a post sees the channel (platform/account) the post is for.</summary>
public sealed class ComposingChannelTests
{
    private sealed class RecordingShortener : IUrlShortener
    {
        public List<string?> Seen { get; } = [];

        public ValueTask<string> ShortenAsync(string longUrl, CancellationToken cancellationToken = default)
        {
            Seen.Add(ComposingChannel.Current);
            return ValueTask.FromResult("https://s.example/x");
        }
    }

    [Fact]
    public async Task Lane_b_and_the_autopost_worker_expose_the_channel_only_while_composing()
    {
        var shortener = new RecordingShortener();
        var composer = new CaptionComposer(new CaptionTemplater(new ContentOptions()), shortener);
        var account = new AccountRef(PlatformId.Facebook, "002", "222");
        var lane = new LanePostBuilder(composer, shortener, mediaHost: null);
        await lane.BuildAsync(new ContentItem { Id = "a1", SourcePath = "a1.json", Text = "Hi {{link}}", Link = "https://example.com/a" },
            account, KnownPlatformLimits.For(PlatformId.Facebook)!, new LanesOptions { ShortenLinks = true }, new DateOnly(2026, 12, 3), CancellationToken.None);

        var autopost = new AutopostPostBuilder(composer, shortener);
        var item = new AutopostItem
        {
            Id = 7, Title = "t", Link = new Uri("https://example.com/b"), PublishAt = DateTimeOffset.UnixEpoch,
            Status = AutopostStatus.Ready, CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch, Channels = [],
        };
        await autopost.BuildAsync(item, "telegram/001", PlatformId.Telegram, KnownPlatformLimits.For(PlatformId.Telegram)!,
            new AutopostOptions { ShortenLinks = true }, CancellationToken.None);

        Assert.Equal(["facebook/002", "telegram/001"], shortener.Seen);
        Assert.Null(ComposingChannel.Current);
    }
}
