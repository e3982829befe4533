using System.Text.Json;
using RichardSzalay.MockHttp;
using Rizquna.Connectors.TikTok.Tests.Fakes;

namespace Rizquna.Connectors.TikTok.Tests.Publishing;

public sealed class PublisherTests : IDisposable
{
    private const string CreatorUrl = TikTokFixture.BaseUrl + "v2/post/publish/creator_info/query/";
    private const string ContentInitUrl = TikTokFixture.BaseUrl + "v2/post/publish/content/init/";
    private const string VideoInitUrl = TikTokFixture.BaseUrl + "v2/post/publish/video/init/";
    private const string StatusUrl = TikTokFixture.BaseUrl + "v2/post/publish/status/fetch/";

    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static IReadOnlyList<MediaItem> Images(int count) =>
        Enumerable.Range(1, count).Select(i => MediaItem.FromUrl(MediaKind.Image, new Uri($"https://verified.example/{i}.jpg"))).ToList();

    private static PublishRequest Request(Post post) => new(TikTokFixture.Account, post, "pub-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Photo_post_sends_the_content_init_shape_in_direct_mode()
    {
        using var fx = new TikTokFixture();
        fx.Api.Expect(HttpMethod.Post, CreatorUrl).Respond(Bodies.Json, Bodies.CreatorInfo(commentDisabled: true));
        JsonDocument? sent = null;
        fx.Api.Expect(HttpMethod.Post, ContentInitUrl)
            .With(r => (sent = JsonDocument.Parse(r.Content!.ReadAsStringAsync().Result)) is not null)
            .Respond(Bodies.Json, Bodies.Ok("""{"publish_id":"p_pub_url~v2.123456789"}"""));
        fx.Api.Expect(HttpMethod.Post, StatusUrl).Respond(Bodies.Json, Bodies.Status("PUBLISH_COMPLETE", ",\"publicaly_available_post_id\":[7300000000000000001]"));

        var result = await fx.Publisher.PublishAsync(Request(new Post
        {
            Text = "a description",
            Media = Images(3),
            Metadata = new Dictionary<string, string>
            {
                [TikTokMetadataKeys.Title] = "a title",
                [TikTokMetadataKeys.PrivacyLevel] = "PUBLIC_TO_EVERYONE",
                [TikTokMetadataKeys.PhotoCoverIndex] = "1",
                [TikTokMetadataKeys.AutoAddMusic] = "true",
            },
        }));

        var root = sent!.RootElement;
        Assert.Equal("DIRECT_POST", root.GetProperty("post_mode").GetString());
        Assert.Equal("PHOTO", root.GetProperty("media_type").GetString());
        Assert.Equal("a title", root.GetProperty("post_info").GetProperty("title").GetString());
        Assert.Equal("a description", root.GetProperty("post_info").GetProperty("description").GetString());
        Assert.Equal("PUBLIC_TO_EVERYONE", root.GetProperty("post_info").GetProperty("privacy_level").GetString());
        Assert.True(root.GetProperty("post_info").GetProperty("disable_comment").GetBoolean()); // the creator turned comments off
        Assert.True(root.GetProperty("post_info").GetProperty("auto_add_music").GetBoolean());
        Assert.Equal("PULL_FROM_URL", root.GetProperty("source_info").GetProperty("source").GetString());
        Assert.Equal(1, root.GetProperty("source_info").GetProperty("photo_cover_index").GetInt32());
        Assert.Equal(3, root.GetProperty("source_info").GetProperty("photo_images").GetArrayLength());
        Assert.Equal(new Uri("https://www.tiktok.com/@tiktok/photo/7300000000000000001"), result.Permalink);
    }

    [Fact]
    public async Task Photo_post_in_inbox_mode_is_a_media_upload_without_privacy_or_creator_query()
    {
        using var fx = new TikTokFixture();
        fx.Api.Expect(HttpMethod.Post, ContentInitUrl)
            .WithPartialContent("\"post_mode\":\"MEDIA_UPLOAD\"")
            .With(r => !r.Content!.ReadAsStringAsync().Result.Contains("privacy_level", StringComparison.Ordinal))
            .Respond(Bodies.Json, Bodies.Ok("""{"publish_id":"p_pub_url~v2.1"}"""));
        fx.Api.Expect(HttpMethod.Post, StatusUrl).Respond(Bodies.Json, Bodies.Status("SEND_TO_USER_INBOX"));

        var result = await fx.Publisher.PublishAsync(Request(new Post
        {
            Text = "draft",
            Media = Images(1),
            Metadata = new Dictionary<string, string> { [TikTokMetadataKeys.PostMode] = "inbox" },
        }));

        fx.Api.VerifyNoOutstandingExpectation();
        Assert.Equal(PublishState.SentToInbox, result.State);
    }

    [Fact]
    public async Task Thirty_five_images_pass_and_thirty_six_are_refused_before_any_call()
    {
        using var fx = new TikTokFixture();
        fx.Api.Expect(HttpMethod.Post, CreatorUrl).Respond(Bodies.Json, Bodies.CreatorInfo());
        fx.Api.Expect(HttpMethod.Post, ContentInitUrl).Respond(Bodies.Json, Bodies.Ok("""{"publish_id":"p1"}"""));
        fx.Api.Expect(HttpMethod.Post, StatusUrl).Respond(Bodies.Json, Bodies.Status("PUBLISH_COMPLETE"));
        await fx.Publisher.PublishAsync(Request(new Post { Media = Images(35) }));
        fx.Api.VerifyNoOutstandingExpectation();

        var error = await Assert.ThrowsAsync<PlatformException>(() => fx.Publisher.PublishAsync(Request(new Post { Media = Images(36) })));

        Assert.Equal(PlatformErrorKind.InvalidContent, error.Kind);
        Assert.Contains("35", error.Message);
    }

    [Fact]
    public async Task Photo_title_is_limited_to_90_and_description_to_4000_characters_counted_as_runes()
    {
        using var fx = new TikTokFixture();
        var emojiTitle = string.Concat(Enumerable.Repeat("😀", 90)); // 180 UTF-16 units, 90 runes: allowed
        fx.Api.Expect(HttpMethod.Post, CreatorUrl).Respond(Bodies.Json, Bodies.CreatorInfo());
        fx.Api.Expect(HttpMethod.Post, ContentInitUrl).Respond(Bodies.Json, Bodies.Ok("""{"publish_id":"p1"}"""));
        fx.Api.Expect(HttpMethod.Post, StatusUrl).Respond(Bodies.Json, Bodies.Status("PUBLISH_COMPLETE"));
        await fx.Publisher.PublishAsync(Request(new Post
        {
            Text = new string('d', 4_000),
            Media = Images(1),
            Metadata = new Dictionary<string, string> { [TikTokMetadataKeys.Title] = emojiTitle },
        }));

        var longTitle = await Assert.ThrowsAsync<PlatformException>(() => fx.Publisher.PublishAsync(Request(new Post
        {
            Media = Images(1),
            Metadata = new Dictionary<string, string> { [TikTokMetadataKeys.Title] = new string('t', 91) },
        })));
        var longDescription = await Assert.ThrowsAsync<PlatformException>(() => fx.Publisher.PublishAsync(Request(new Post
        {
            Text = new string('d', 4_001),
            Media = Images(1),
        })));

        Assert.Contains("tiktok.title", longTitle.Message);
        Assert.Contains("4000", longDescription.Message);
        Assert.Equal(PlatformErrorKind.InvalidContent, longDescription.Kind);
    }

    [Fact]
    public async Task A_privacy_level_the_creator_does_not_offer_is_refused_before_init()
    {
        using var fx = new TikTokFixture();
        fx.Api.Expect(HttpMethod.Post, CreatorUrl).Respond(Bodies.Json, Bodies.CreatorInfo(options: "\"SELF_ONLY\""));

        var error = await Assert.ThrowsAsync<PlatformException>(() => fx.Publisher.PublishAsync(Request(new Post
        {
            Media = [MediaItem.FromUrl(MediaKind.Video, new Uri("https://verified.example/v.mp4"))],
            Metadata = new Dictionary<string, string> { [TikTokMetadataKeys.PrivacyLevel] = "PUBLIC_TO_EVERYONE" },
        })));

        Assert.Equal(PlatformErrorKind.InvalidContent, error.Kind);
        Assert.Equal("privacy_level_option_mismatch", error.PlatformCode);
        Assert.Contains("SELF_ONLY", error.Message);
        fx.Api.VerifyNoOutstandingExpectation(); // and nothing else was called: an init would have found no match
    }

    [Fact]
    public async Task A_video_longer_than_the_creator_maximum_is_refused_before_upload()
    {
        using var fx = new TikTokFixture();
        fx.Api.Expect(HttpMethod.Post, CreatorUrl).Respond(Bodies.Json, Bodies.CreatorInfo(maxDuration: 60));
        var path = _files.Write(Mp4Fixtures.WithDuration(seconds: 61), "long.mp4");

        var error = await Assert.ThrowsAsync<PlatformException>(() => fx.Publisher.PublishAsync(Request(new Post
        {
            Media = [MediaItem.FromFile(MediaKind.Video, path)],
        })));

        Assert.Equal(PlatformErrorKind.InvalidContent, error.Kind);
        Assert.Contains("60", error.Message);
        fx.Upload.VerifyNoOutstandingRequest();
    }

    [Fact]
    public async Task A_declared_duration_is_checked_for_url_videos_too()
    {
        using var fx = new TikTokFixture();
        fx.Api.Expect(HttpMethod.Post, CreatorUrl).Respond(Bodies.Json, Bodies.CreatorInfo(maxDuration: 60));

        var error = await Assert.ThrowsAsync<PlatformException>(() => fx.Publisher.PublishAsync(Request(new Post
        {
            Media = [MediaItem.FromUrl(MediaKind.Video, new Uri("https://verified.example/v.mp4"))],
            Metadata = new Dictionary<string, string> { [TikTokMetadataKeys.VideoDurationSec] = "90" },
        })));

        Assert.Equal(PlatformErrorKind.InvalidContent, error.Kind);
    }

    [Fact]
    public async Task Inbox_video_upload_uses_the_inbox_init_with_source_info_only()
    {
        var upload = new CountingUploadHandler();
        using var fx = new TikTokFixture(uploadHandler: upload);
        fx.Api.Expect(HttpMethod.Post, TikTokFixture.BaseUrl + "v2/post/publish/inbox/video/init/")
            .WithContent("""{"source_info":{"source":"FILE_UPLOAD","video_size":12000000,"chunk_size":10000000,"total_chunk_count":1}}""")
            .Respond(Bodies.Json, Bodies.FileInit());
        fx.Api.Expect(HttpMethod.Post, StatusUrl).Respond(Bodies.Json, Bodies.Status("PROCESSING_UPLOAD", ",\"uploaded_bytes\":12000000"));
        fx.Api.Expect(HttpMethod.Post, StatusUrl).Respond(Bodies.Json, Bodies.Status("SEND_TO_USER_INBOX"));

        var result = await fx.Publisher.PublishAsync(Request(new Post
        {
            Media = [MediaItem.FromFile(MediaKind.Video, _files.Video(12_000_000, "clip.mov"))],
            Metadata = new Dictionary<string, string> { [TikTokMetadataKeys.PostMode] = "inbox" },
        }));

        fx.Api.VerifyNoOutstandingExpectation();
        Assert.Equal(PublishState.SentToInbox, result.State);
        Assert.Equal(["video/quicktime"], upload.ContentTypes);
    }

    [Theory]
    [InlineData("tiktok.post_mode", "sideways")]
    [InlineData("tiktok.privacy_level", "EVERYONE")]
    [InlineData("tiktok.disable_comment", "maybe")]
    [InlineData("tiktok.video_cover_timestamp_ms", "-3")]
    public async Task Bad_metadata_is_refused_naming_the_key(string key, string value)
    {
        using var fx = new TikTokFixture();

        var error = await Assert.ThrowsAsync<PlatformException>(() => fx.Publisher.PublishAsync(Request(new Post
        {
            Media = [MediaItem.FromUrl(MediaKind.Video, new Uri("https://verified.example/v.mp4"))],
            Metadata = new Dictionary<string, string> { [key] = value },
        })));

        Assert.Equal(PlatformErrorKind.InvalidContent, error.Kind);
        Assert.Contains(key, error.Message);
        fx.Api.VerifyNoOutstandingRequest();
    }

    [Fact]
    public async Task A_video_mixed_with_images_or_a_caption_over_2200_is_refused()
    {
        using var fx = new TikTokFixture();
        var video = MediaItem.FromUrl(MediaKind.Video, new Uri("https://verified.example/v.mp4"));

        var mixed = await Assert.ThrowsAsync<PlatformException>(() => fx.Publisher.PublishAsync(Request(new Post { Media = [video, .. Images(1)] })));
        var longCaption = await Assert.ThrowsAsync<PlatformException>(() => fx.Publisher.PublishAsync(Request(new Post { Text = new string('x', 2_201), Media = [video] })));
        var none = await Assert.ThrowsAsync<PlatformException>(() => fx.Publisher.PublishAsync(Request(new Post { Text = "no media" })));

        Assert.All([mixed, longCaption, none], e => Assert.Equal(PlatformErrorKind.InvalidContent, e.Kind));
        fx.Api.VerifyNoOutstandingRequest();
    }

    [Fact]
    public async Task Local_images_without_a_media_host_are_refused()
    {
        using var fx = new TikTokFixture();

        var error = await Assert.ThrowsAsync<PlatformException>(() => fx.Publisher.PublishAsync(Request(new Post
        {
            Media = [MediaItem.FromFile(MediaKind.Image, _files.Video(10, "a.jpg"))],
        })));

        Assert.Contains("IMediaHost", error.Message);
    }
}
