using System.Net;
using Rizquna.Connectors.Meta.Graph;
using RichardSzalay.MockHttp;

namespace Rizquna.Connectors.Meta.Tests;

public sealed class FacebookPublishingTests : IDisposable
{
    private readonly MetaHarness _meta = new();
    private const string Feed = MetaHarness.Base + MetaHarness.PageId + "/feed";
    private const string Photos = MetaHarness.Base + MetaHarness.PageId + "/photos";

    private IPublisher Publisher => _meta.All<IPublisher>().Single(p => p.Platform == PlatformId.Facebook);

    private static PublishRequest Request(Post post) => new(MetaHarness.Page, post, "key-1");

    [Fact]
    public async Task A_text_post_goes_to_feed_with_the_token_in_the_header_and_appsecret_proof()
    {
        _meta.Http.When(HttpMethod.Post, Feed).Respond(_ => MetaHarness.Json(HttpStatusCode.OK,
            "{\"id\":\"111_222\",\"permalink_url\":\"https://www.facebook.com/111/posts/222\"}"));

        var result = await Publisher.PublishAsync(Request(new Post { Text = "Halo dunia", Link = new Uri("https://rizquna.id/promo") }));

        Assert.Equal("111_222", result.PlatformPostId);
        Assert.Equal(new Uri("https://www.facebook.com/111/posts/222"), result.Permalink);
        Assert.Equal(PublishState.Published, result.State);
        var sent = _meta.Last(HttpMethod.Post, "/feed");
        Assert.Equal("Bearer " + MetaHarness.PageToken, sent.Authorization);
        Assert.DoesNotContain(MetaHarness.PageToken, sent.Uri.ToString());
        Assert.Contains("appsecret_proof=" + AppSecretProof.Compute(MetaHarness.AppSecret, MetaHarness.PageToken), sent.Uri.Query);
        Assert.Contains("fields=id,permalink_url", sent.Uri.Query);
        Assert.Equal("{\"message\":\"Halo dunia\",\"link\":\"https://rizquna.id/promo\"}", sent.Body);
        Assert.Equal("application/json", sent.ContentType);
    }

    [Fact]
    public async Task A_photo_by_url_posts_to_photos_then_reads_the_permalink()
    {
        _meta.Http.When(HttpMethod.Post, Photos).Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"id\":\"999\",\"post_id\":\"111_333\"}"));
        _meta.Http.When(HttpMethod.Get, MetaHarness.Base + "111_333").Respond(_ => MetaHarness.Json(HttpStatusCode.OK,
            "{\"id\":\"111_333\",\"permalink_url\":\"https://www.facebook.com/111/posts/333\"}"));

        var result = await Publisher.PublishAsync(Request(new Post
        {
            Text = "Produk baru",
            Media = [MediaItem.FromUrl(MediaKind.Image, new Uri("https://cdn.test/a.jpg"))],
        }));

        Assert.Equal("111_333", result.PlatformPostId);
        Assert.Equal(new Uri("https://www.facebook.com/111/posts/333"), result.Permalink);
        Assert.Equal("999", result.Details["facebook.photo_id"]);
        Assert.Equal("{\"url\":\"https://cdn.test/a.jpg\",\"caption\":\"Produk baru\"}", _meta.Last(HttpMethod.Post, "/photos").Body);
    }

    [Fact]
    public async Task A_local_photo_is_uploaded_as_multipart_source()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rz-meta-{Guid.NewGuid():n}.jpg");
        await File.WriteAllBytesAsync(file, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
        try
        {
            _meta.Http.When(HttpMethod.Post, Photos).Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"id\":\"999\",\"post_id\":\"111_444\"}"));
            _meta.Http.When(HttpMethod.Get, MetaHarness.Base + "111_444").Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"id\":\"111_444\"}"));

            var result = await Publisher.PublishAsync(Request(new Post { Text = "Dari file", Media = [MediaItem.FromFile(MediaKind.Image, file)] }));

            Assert.Equal("111_444", result.PlatformPostId);
            var sent = _meta.Last(HttpMethod.Post, "/photos");
            Assert.Equal("multipart/form-data", sent.ContentType);
            Assert.Contains("name=source; filename=" + Path.GetFileName(file), sent.Body);
            Assert.Contains("Content-Type: image/jpeg", sent.Body);
            Assert.Contains("name=caption", sent.Body);
            Assert.Contains("Dari file", sent.Body);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Several_photos_are_uploaded_unpublished_then_attached_to_one_feed_post()
    {
        var n = 0;
        _meta.Http.When(HttpMethod.Post, Photos).Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"id\":\"p" + Interlocked.Increment(ref n) + "\"}"));
        _meta.Http.When(HttpMethod.Post, Feed).Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"id\":\"111_555\",\"permalink_url\":\"https://www.facebook.com/111/posts/555\"}"));

        var result = await Publisher.PublishAsync(Request(new Post
        {
            Text = "Album",
            Media = [MediaItem.FromUrl(MediaKind.Image, new Uri("https://cdn.test/1.jpg")), MediaItem.FromUrl(MediaKind.Image, new Uri("https://cdn.test/2.jpg"))],
        }));

        Assert.Equal("111_555", result.PlatformPostId);
        Assert.Equal(2, _meta.Count(HttpMethod.Post, "/photos"));
        Assert.All(_meta.Requests.Where(r => r.Uri.AbsolutePath.EndsWith("/photos", StringComparison.Ordinal)), r => Assert.Contains("\"published\":false", r.Body));
        Assert.Equal("{\"message\":\"Album\",\"attached_media\":[{\"media_fbid\":\"p1\"},{\"media_fbid\":\"p2\"}]}", _meta.Last(HttpMethod.Post, "/feed").Body);
    }

    [Fact]
    public async Task A_scheduled_post_inside_the_window_is_sent_unpublished_with_its_time()
    {
        _meta.Http.When(HttpMethod.Post, Feed).Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"id\":\"111_666\"}"));
        var at = _meta.Clock.GetUtcNow().AddHours(3);

        var result = await Publisher.PublishAsync(Request(new Post { Text = "Nanti", ScheduledPublishTime = at }));

        Assert.Equal(PublishState.Scheduled, result.State);
        Assert.Equal("{\"message\":\"Nanti\",\"published\":false,\"scheduled_publish_time\":" + at.ToUnixTimeSeconds() + "}", _meta.Last(HttpMethod.Post, "/feed").Body);
    }

    [Theory]
    [InlineData(5)]          // too soon (minimum 10 min)
    [InlineData(60 * 24 * 40)] // too far (maximum 30 days)
    public async Task A_scheduled_time_outside_the_window_fails_clearly_before_any_call(int minutesAhead)
    {
        var ex = await Assert.ThrowsAsync<PlatformException>(() => Publisher.PublishAsync(Request(new Post
        {
            Text = "x",
            ScheduledPublishTime = _meta.Clock.GetUtcNow().AddMinutes(minutesAhead),
        })));

        Assert.Equal(PlatformErrorKind.InvalidContent, ex.Kind);
        Assert.Contains("scheduled_publish_time", ex.Message);
        Assert.Empty(_meta.Requests);
    }

    [Fact]
    public async Task A_duplicate_post_error_is_permanent()
    {
        _meta.Http.When(HttpMethod.Post, Feed).Respond(_ => MetaHarness.Json(HttpStatusCode.BadRequest, MetaHarness.Error(506, message: "Duplicate status message")));

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Publisher.PublishAsync(Request(new Post { Text = "again" })));

        Assert.Equal(PlatformErrorKind.Permanent, ex.Kind);
        Assert.Equal("506", ex.PlatformCode);
    }

    [Fact]
    public async Task After_a_timeout_reconciliation_finds_the_post_and_nothing_is_published_twice()
    {
        _meta.Http.When(HttpMethod.Post, Feed).Respond(_ => throw new TaskCanceledException("timed out", new TimeoutException()));
        var started = _meta.Clock.GetUtcNow();
        _meta.Http.When(HttpMethod.Get, MetaHarness.Base + MetaHarness.PageId + "/posts").Respond(_ => MetaHarness.Json(HttpStatusCode.OK,
            "{\"data\":[{\"id\":\"111_1\",\"message\":\"other\",\"created_time\":\"2026-12-03T10:00:05+0000\"},"
            + "{\"id\":\"111_777\",\"message\":\"Promo hari ini\",\"created_time\":\"2026-12-03T10:00:01+0000\",\"permalink_url\":\"https://www.facebook.com/111/posts/777\"}],"
            + "\"paging\":{\"cursors\":{\"before\":\"a\",\"after\":\"b\"}}}"));
        var request = Request(new Post { Text = "Promo hari ini" });

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Publisher.PublishAsync(request));
        Assert.Equal(PlatformErrorKind.OutcomeUnknown, ex.Kind);

        var reconciler = _meta.All<IPublishReconciler>().Single(r => r.Platform == PlatformId.Facebook);
        var found = await reconciler.ReconcileAsync(request, started);

        Assert.Equal(ReconcileStatus.Found, found.Status);
        Assert.Equal("111_777", found.Result!.PlatformPostId);
        Assert.Equal(new Uri("https://www.facebook.com/111/posts/777"), found.Result.Permalink);
        Assert.Equal(1, _meta.Count(HttpMethod.Post, "/feed"));
        Assert.Contains("since=" + (started - TimeSpan.FromMinutes(2)).ToUnixTimeSeconds(), _meta.Last(HttpMethod.Get, "/posts").Uri.Query);
    }

    [Fact]
    public async Task Reconciliation_reports_not_found_when_no_post_matches()
    {
        _meta.Http.When(HttpMethod.Get, MetaHarness.Base + MetaHarness.PageId + "/posts").Respond(_ => MetaHarness.Json(HttpStatusCode.OK,
            "{\"data\":[{\"id\":\"111_1\",\"message\":\"other\",\"created_time\":\"2026-12-03T10:00:05+0000\"}]}"));
        var reconciler = _meta.All<IPublishReconciler>().Single(r => r.Platform == PlatformId.Facebook);

        var result = await reconciler.ReconcileAsync(Request(new Post { Text = "mine" }), _meta.Clock.GetUtcNow());

        Assert.Equal(ReconcileStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task Usage_above_the_threshold_blocks_the_next_call_before_it_is_sent()
    {
        _meta.Http.When(HttpMethod.Post, Feed).Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"id\":\"111_1\"}",
            (UsageHeaders.AppUsage, "{\"call_count\":93,\"total_cputime\":20,\"total_time\":25}")));

        await Publisher.PublishAsync(Request(new Post { Text = "first" }));
        var ex = await Assert.ThrowsAsync<PlatformException>(() => Publisher.PublishAsync(Request(new Post { Text = "second" })));

        Assert.Equal(PlatformErrorKind.RateLimited, ex.Kind);
        Assert.Equal(TimeSpan.FromMinutes(5), ex.RetryAfter);
        Assert.Equal(1, _meta.Count(HttpMethod.Post, "/feed"));

        _meta.Clock.Advance(TimeSpan.FromMinutes(5));
        await Publisher.PublishAsync(Request(new Post { Text = "third" }));
        Assert.Equal(2, _meta.Count(HttpMethod.Post, "/feed"));
    }

    [Fact]
    public async Task Business_use_case_usage_blocks_only_its_account_until_access_is_regained()
    {
        _meta.Http.When(HttpMethod.Post, Feed).Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"id\":\"111_1\"}",
            (UsageHeaders.BusinessUseCaseUsage, "{\"" + MetaHarness.PageId + "\":[{\"type\":\"pages\",\"call_count\":95,\"total_cputime\":1,\"total_time\":1,\"estimated_time_to_regain_access\":12}]}")));

        await Publisher.PublishAsync(Request(new Post { Text = "first" }));
        var ex = await Assert.ThrowsAsync<PlatformException>(() => Publisher.PublishAsync(Request(new Post { Text = "second" })));

        Assert.Equal(TimeSpan.FromMinutes(12), ex.RetryAfter);
        var other = new AccountRef(PlatformId.Facebook, "002", "222222");
        Assert.Null(_meta.Get<UsageTracker>().BlockedFor(other.PlatformAccountId, _meta.Clock.GetUtcNow()));
    }

    public void Dispose() => _meta.Dispose();
}
