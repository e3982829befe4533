using System.Net;
using RichardSzalay.MockHttp;
using Rizquna.Connectors.TikTok.Tests.Fakes;

namespace Rizquna.Connectors.TikTok.Tests.Publishing;

public sealed class ErrorMappingTests
{
    private const string CreatorUrl = TikTokFixture.BaseUrl + "v2/post/publish/creator_info/query/";
    private const string InitUrl = TikTokFixture.BaseUrl + "v2/post/publish/video/init/";

    private static PublishRequest UrlVideo(string privacy = "SELF_ONLY") => new(TikTokFixture.Account, new Post
    {
        Text = "caption",
        Media = [MediaItem.FromUrl(MediaKind.Video, new Uri("https://verified.example/v.mp4"))],
        Metadata = new Dictionary<string, string> { [TikTokMetadataKeys.PrivacyLevel] = privacy },
    }, "err-1");

    [Theory]
    [InlineData("scope_not_authorized", 401, PlatformErrorKind.ReauthorizationRequired)]
    [InlineData("scope_permission_missed", 401, PlatformErrorKind.ReauthorizationRequired)]
    [InlineData("rate_limit_exceeded", 429, PlatformErrorKind.RateLimited)]
    [InlineData("spam_risk_too_many_posts", 403, PlatformErrorKind.RateLimited)]
    [InlineData("spam_risk_user_banned_from_posting", 403, PlatformErrorKind.RateLimited)]
    [InlineData("spam_risk_too_many_pending_share", 403, PlatformErrorKind.RateLimited)]
    [InlineData("reached_active_user_cap", 403, PlatformErrorKind.RateLimited)]
    [InlineData("url_ownership_unverified", 403, PlatformErrorKind.InvalidContent)]
    [InlineData("privacy_level_option_mismatch", 403, PlatformErrorKind.InvalidContent)]
    [InlineData("invalid_param", 400, PlatformErrorKind.InvalidContent)]
    [InlineData("invalid_params", 400, PlatformErrorKind.InvalidContent)]
    [InlineData("unaudited_client_can_only_post_to_private_accounts", 403, PlatformErrorKind.Forbidden)]
    [InlineData("internal_error", 500, PlatformErrorKind.Transient)]
    [InlineData("something_new", 400, PlatformErrorKind.Permanent)]
    [InlineData("something_new", 403, PlatformErrorKind.Forbidden)]
    public async Task Init_errors_map_to_the_kernel_kinds(string code, int status, PlatformErrorKind kind)
    {
        using var fx = new TikTokFixture();
        fx.Api.Expect(HttpMethod.Post, CreatorUrl).Respond(Bodies.Json, Bodies.CreatorInfo());
        fx.Api.Expect(HttpMethod.Post, InitUrl).Respond((HttpStatusCode)status, Bodies.Json, Bodies.Error(code, "the platform's reason"));

        var error = await Assert.ThrowsAsync<PlatformException>(() => fx.Publisher.PublishAsync(UrlVideo()));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.PlatformCode);
        Assert.Equal(status, error.HttpStatus);
        Assert.Equal("202210112248442CB9319E1FB30C1073F3", error.TraceId);
        Assert.Contains("the platform's reason", error.Message);
        Assert.DoesNotContain(TikTokFixture.AccessToken, error.Message + error.RawBody);
    }

    [Fact]
    public async Task Spam_risk_carries_a_long_cooldown_and_rate_limit_a_retry_after()
    {
        using var fx = new TikTokFixture(o => o.SpamRiskCooldown = TimeSpan.FromHours(12));
        fx.Api.Expect(HttpMethod.Post, CreatorUrl).Respond(Bodies.Json, Bodies.CreatorInfo());
        fx.Api.Expect(HttpMethod.Post, InitUrl).Respond(HttpStatusCode.Forbidden, Bodies.Json, Bodies.Error("spam_risk_too_many_posts"));
        var spam = await Assert.ThrowsAsync<PlatformException>(() => fx.Publisher.PublishAsync(UrlVideo()));
        Assert.Equal(TimeSpan.FromHours(12), spam.Cooldown);
        Assert.Equal(TimeSpan.FromHours(12), spam.RetryAfter);

        fx.Api.Expect(HttpMethod.Post, CreatorUrl).Respond(Bodies.Json, Bodies.CreatorInfo());
        fx.Api.Expect(HttpMethod.Post, InitUrl).Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent(Bodies.Error("rate_limit_exceeded")) };
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(42));
            return response;
        });
        var limited = await Assert.ThrowsAsync<PlatformException>(() => fx.Publisher.PublishAsync(UrlVideo()));
        Assert.Equal(PlatformErrorKind.RateLimited, limited.Kind);
        Assert.Equal(TimeSpan.FromSeconds(42), limited.RetryAfter);
        Assert.Null(limited.Cooldown);
    }

    [Fact]
    public async Task A_creator_who_cannot_post_now_gets_the_platform_reason_before_any_init()
    {
        using var fx = new TikTokFixture();
        fx.Api.Expect(HttpMethod.Post, CreatorUrl)
            .Respond(Bodies.Json, Bodies.Error("spam_risk_too_many_posts", "The user has reached the daily post cap."));

        var error = await Assert.ThrowsAsync<PlatformException>(() => fx.Publisher.PublishAsync(UrlVideo()));

        Assert.Equal(PlatformErrorKind.RateLimited, error.Kind);
        Assert.Equal(200, error.HttpStatus);
        Assert.Contains("daily post cap", error.Message);
        Assert.NotNull(error.Cooldown);
        fx.Api.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task A_timed_out_init_is_an_unknown_outcome_and_nothing_is_resent()
    {
        using var fx = new TikTokFixture(o => o.Resilience.MaxRetryAttempts = 3);
        fx.Api.Expect(HttpMethod.Post, CreatorUrl).Respond(Bodies.Json, Bodies.CreatorInfo());
        var inits = 0;
        fx.Api.When(HttpMethod.Post, InitUrl).Respond(_ =>
        {
            Interlocked.Increment(ref inits);
            throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout");
        });

        var error = await Assert.ThrowsAsync<PlatformException>(() => fx.Publisher.PublishAsync(UrlVideo()));

        Assert.Equal(PlatformErrorKind.OutcomeUnknown, error.Kind);
        Assert.Equal(1, inits);
        var notes = await fx.Checkpoints.LoadAsync("err-1");
        Assert.Equal("PULL_FROM_URL", notes["tiktok.source"]);
        Assert.False(notes.ContainsKey("tiktok.publish_id"));
    }

    [Fact]
    public async Task A_server_error_without_an_envelope_on_init_is_an_unknown_outcome()
    {
        using var fx = new TikTokFixture();
        fx.Api.Expect(HttpMethod.Post, CreatorUrl).Respond(Bodies.Json, Bodies.CreatorInfo());
        fx.Api.Expect(HttpMethod.Post, InitUrl).Respond(HttpStatusCode.BadGateway, "text/html", "<html>bad gateway</html>");

        var error = await Assert.ThrowsAsync<PlatformException>(() => fx.Publisher.PublishAsync(UrlVideo()));

        Assert.Equal(PlatformErrorKind.OutcomeUnknown, error.Kind);
        Assert.Equal(502, error.HttpStatus);
    }

    [Fact]
    public async Task Status_reads_are_retried_by_the_http_layer_but_inits_are_not()
    {
        using var fx = new TikTokFixture(o =>
        {
            o.Resilience.MaxRetryAttempts = 2;
            o.Resilience.RetryBaseDelay = TimeSpan.Zero;
        });
        fx.Api.Expect(HttpMethod.Post, CreatorUrl).Respond(HttpStatusCode.ServiceUnavailable, Bodies.Json, Bodies.Error("internal_error"));
        fx.Api.Expect(HttpMethod.Post, CreatorUrl).Respond(Bodies.Json, Bodies.CreatorInfo());
        fx.Api.Expect(HttpMethod.Post, InitUrl).Respond(Bodies.Json, Bodies.UrlInit());
        fx.Api.Expect(HttpMethod.Post, TikTokFixture.BaseUrl + "v2/post/publish/status/fetch/").Respond(Bodies.Json, Bodies.Complete);

        var result = await fx.Publisher.PublishAsync(UrlVideo());

        fx.Api.VerifyNoOutstandingExpectation();
        Assert.Equal(PublishState.Published, result.State);
    }

    [Theory]
    [InlineData("invalid_publish_id", PlatformErrorKind.Permanent)]
    [InlineData("token_not_authorized_for_specified_publish_id", PlatformErrorKind.Permanent)]
    [InlineData("app_version_check_failed", PlatformErrorKind.Forbidden)]
    [InlineData("invalid_file_upload", PlatformErrorKind.InvalidContent)]
    [InlineData("access_token_invalid", PlatformErrorKind.AuthExpired)]
    public void Other_listed_codes_map_too(string code, PlatformErrorKind kind)
    {
        var mapper = new TikTokErrorMapper(new TikTokOptions());

        Assert.Equal(kind, mapper.KindFor(code, 400, createsContent: true).Kind);
    }
}
