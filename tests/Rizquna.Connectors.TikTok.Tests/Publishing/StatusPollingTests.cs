using RichardSzalay.MockHttp;
using Rizquna.Connectors.TikTok.Tests.Fakes;

namespace Rizquna.Connectors.TikTok.Tests.Publishing;

public sealed class StatusPollingTests
{
    private const string StatusUrl = TikTokFixture.BaseUrl + "v2/post/publish/status/fetch/";

    private static PublishRequest UrlVideo(string mode = "direct") => new(TikTokFixture.Account, new Post
    {
        Text = "from a url",
        Media = [MediaItem.FromUrl(MediaKind.Video, new Uri("https://verified.example/v.mp4"))],
        Metadata = new Dictionary<string, string> { [TikTokMetadataKeys.PostMode] = mode },
    }, "url-1");

    private static void ExpectInit(TikTokFixture fx, string mode = "direct")
    {
        if (mode == "direct")
        {
            fx.Api.Expect(HttpMethod.Post, TikTokFixture.BaseUrl + "v2/post/publish/creator_info/query/").Respond(Bodies.Json, Bodies.CreatorInfo());
            fx.Api.Expect(HttpMethod.Post, TikTokFixture.BaseUrl + "v2/post/publish/video/init/")
                .WithPartialContent("\"source_info\":{\"source\":\"PULL_FROM_URL\",\"video_url\":\"https://verified.example/v.mp4\"}")
                .Respond(Bodies.Json, Bodies.UrlInit());
        }
        else
        {
            fx.Api.Expect(HttpMethod.Post, TikTokFixture.BaseUrl + "v2/post/publish/inbox/video/init/")
                .WithContent("""{"source_info":{"source":"PULL_FROM_URL","video_url":"https://verified.example/v.mp4"}}""")
                .Respond(Bodies.Json, Bodies.UrlInit());
        }
    }

    [Fact]
    public async Task Polls_through_processing_to_publish_complete_and_reads_the_misspelled_post_id()
    {
        using var fx = new TikTokFixture();
        ExpectInit(fx);
        fx.Api.Expect(HttpMethod.Post, StatusUrl).Respond(Bodies.Json, Bodies.Status("PROCESSING_DOWNLOAD", ",\"downloaded_bytes\":100"));
        fx.Api.Expect(HttpMethod.Post, StatusUrl).Respond(Bodies.Json, Bodies.Status("PROCESSING_DOWNLOAD"));
        fx.Api.Expect(HttpMethod.Post, StatusUrl).Respond(Bodies.Json, Bodies.Complete);

        var result = await fx.Publisher.PublishAsync(UrlVideo());

        fx.Api.VerifyNoOutstandingExpectation();
        Assert.Equal(PublishState.Published, result.State);
        Assert.Equal("7204849475428240000", result.PlatformPostId);
        Assert.Equal("v_pub_url~v2-1.123456789", result.Details[PublishResults.PublishIdDetail]);
    }

    [Fact]
    public async Task Publish_complete_without_a_public_id_falls_back_to_the_publish_id()
    {
        using var fx = new TikTokFixture();
        ExpectInit(fx);
        fx.Api.Expect(HttpMethod.Post, StatusUrl).Respond(Bodies.Json, Bodies.Status("PUBLISH_COMPLETE", ",\"publicaly_available_post_id\":[]"));

        var result = await fx.Publisher.PublishAsync(UrlVideo());

        Assert.Equal(PublishState.Published, result.State);
        Assert.Equal("v_pub_url~v2-1.123456789", result.PlatformPostId);
        Assert.Null(result.Permalink);
    }

    [Fact]
    public async Task Inbox_mode_ends_at_send_to_user_inbox()
    {
        using var fx = new TikTokFixture();
        ExpectInit(fx, "inbox");
        fx.Api.Expect(HttpMethod.Post, StatusUrl).Respond(Bodies.Json, Bodies.Status("PROCESSING_DOWNLOAD"));
        fx.Api.Expect(HttpMethod.Post, StatusUrl).Respond(Bodies.Json, Bodies.Status("SEND_TO_USER_INBOX"));

        var result = await fx.Publisher.PublishAsync(UrlVideo("inbox"));

        fx.Api.VerifyNoOutstandingExpectation();
        Assert.Equal(PublishState.SentToInbox, result.State);
        Assert.Equal("v_pub_url~v2-1.123456789", result.PlatformPostId);
    }

    [Theory]
    [InlineData("file_format_check_failed", PlatformErrorKind.InvalidContent)]
    [InlineData("duration_check_failed", PlatformErrorKind.InvalidContent)]
    [InlineData("video_pull_failed", PlatformErrorKind.InvalidContent)]
    [InlineData("spam_risk_text", PlatformErrorKind.InvalidContent)]
    [InlineData("spam_risk_too_many_posts", PlatformErrorKind.RateLimited)]
    [InlineData("auth_removed", PlatformErrorKind.ReauthorizationRequired)]
    [InlineData("internal", PlatformErrorKind.Transient)]
    [InlineData("publish_cancelled", PlatformErrorKind.Permanent)]
    public async Task Failed_carries_the_fail_reason_into_the_error(string reason, PlatformErrorKind kind)
    {
        using var fx = new TikTokFixture();
        ExpectInit(fx);
        fx.Api.Expect(HttpMethod.Post, StatusUrl).Respond(Bodies.Json, Bodies.Status("FAILED", $",\"fail_reason\":\"{reason}\""));

        var error = await Assert.ThrowsAsync<PlatformException>(() => fx.Publisher.PublishAsync(UrlVideo()));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(reason, error.PlatformCode);
        Assert.Contains(reason, error.Message);
        if (kind == PlatformErrorKind.RateLimited)
        {
            Assert.Equal(TimeSpan.FromHours(24), error.Cooldown);
        }
    }

    [Fact]
    public async Task Polling_pauses_on_the_clock_and_hands_back_processing_after_the_timeout()
    {
        using var fx = new TikTokFixture(o =>
        {
            o.StatusPollInterval = TimeSpan.FromSeconds(5);
            o.StatusPollTimeout = TimeSpan.FromSeconds(12);
        });
        ExpectInit(fx);
        var polls = 0;
        fx.Api.When(HttpMethod.Post, StatusUrl).Respond(_ =>
        {
            Interlocked.Increment(ref polls);
            return new StringContent(Bodies.Status("PROCESSING_DOWNLOAD"), System.Text.Encoding.UTF8, Bodies.Json);
        });

        var publish = fx.Publisher.PublishAsync(UrlVideo());
        // Move the clock only while the poller waits on its pause (the only timer due within 5 s; the HTTP timeouts are longer).
        for (var i = 0; i < 20_000 && !publish.IsCompleted; i++)
        {
            if (fx.Clock.NextTimerDue is { } due && due - fx.Clock.GetUtcNow() <= TimeSpan.FromSeconds(5))
            {
                fx.Clock.AdvanceTo(due);
            }
            else
            {
                await Task.Delay(1);
            }
        }

        var result = await publish;

        Assert.Equal(PublishState.Processing, result.State);
        Assert.Equal(4, polls); // at 0, 5, 10 and 15 s: the fourth is past the 12 s budget.
    }

    [Fact]
    public async Task A_failure_while_polling_after_init_is_an_unknown_outcome()
    {
        using var fx = new TikTokFixture();
        ExpectInit(fx);
        fx.Api.Expect(HttpMethod.Post, StatusUrl).Respond(System.Net.HttpStatusCode.InternalServerError, Bodies.Json, Bodies.Error("internal_error"));

        var error = await Assert.ThrowsAsync<PlatformException>(() => fx.Publisher.PublishAsync(UrlVideo()));

        Assert.Equal(PlatformErrorKind.OutcomeUnknown, error.Kind);
        Assert.Equal("internal_error", error.PlatformCode);
        var notes = await fx.Checkpoints.LoadAsync("url-1");
        Assert.Equal("v_pub_url~v2-1.123456789", notes["tiktok.publish_id"]);
    }
}
