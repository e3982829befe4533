using System.Net;
using RichardSzalay.MockHttp;

namespace Rizquna.Connectors.Meta.Tests;

public sealed class InstagramPublishingTests : IDisposable
{
    private const string User = MetaHarness.Base + MetaHarness.IgUserId;
    private const string Container = MetaHarness.Base + "17889455560051444";
    private readonly MetaHarness _meta;

    public InstagramPublishingTests() : this(null)
    {
    }

    private InstagramPublishingTests(Action<MetaOptions>? configure) => _meta = new MetaHarness(configure);

    private IPublisher Publisher => _meta.All<IPublisher>().Single(p => p.Platform == PlatformId.Instagram);

    private static PublishRequest Image(string key = "ig-1", string caption = "Halo #promo") => new(MetaHarness.Ig, new Post
    {
        Text = caption,
        Media = [MediaItem.FromUrl(MediaKind.Image, new Uri("https://cdn.test/a.jpg"))],
    }, key);

    private void Quota(int used, int total = 50) =>
        _meta.Http.When(HttpMethod.Get, User + "/content_publishing_limit").Respond(_ => MetaHarness.Json(HttpStatusCode.OK,
            "{\"data\":[{\"quota_usage\":" + used + ",\"config\":{\"quota_total\":" + total + ",\"quota_duration\":86400}}]}"));

    private void CreateContainer() =>
        _meta.Http.When(HttpMethod.Post, User + "/media").Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"id\":\"17889455560051444\"}"));

    private void Statuses(params string[] codes)
    {
        var n = 0;
        _meta.Http.When(HttpMethod.Get, Container).Respond(_ =>
        {
            var i = Math.Min(Interlocked.Increment(ref n) - 1, codes.Length - 1);
            var parts = codes[i].Split('|');
            var status = parts.Length > 1 ? ",\"status\":\"" + parts[1] + "\"" : string.Empty;
            return MetaHarness.Json(HttpStatusCode.OK, "{\"status_code\":\"" + parts[0] + "\"" + status + ",\"id\":\"17889455560051444\"}");
        });
    }

    private void PublishAndPermalink()
    {
        _meta.Http.When(HttpMethod.Post, User + "/media_publish").Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"id\":\"17920238422030506\"}"));
        _meta.Http.When(HttpMethod.Get, MetaHarness.Base + "17920238422030506").Respond(_ => MetaHarness.Json(HttpStatusCode.OK,
            "{\"permalink\":\"https://www.instagram.com/p/Abc123/\",\"id\":\"17920238422030506\"}"));
    }

    [Fact]
    public async Task An_image_is_published_after_the_container_goes_from_in_progress_to_finished()
    {
        Quota(2);
        CreateContainer();
        Statuses("IN_PROGRESS", "IN_PROGRESS", "FINISHED");
        PublishAndPermalink();

        var result = await Publisher.PublishAsync(Image());

        Assert.Equal("17920238422030506", result.PlatformPostId);
        Assert.Equal(new Uri("https://www.instagram.com/p/Abc123/"), result.Permalink);
        Assert.Equal(3, _meta.Count(HttpMethod.Get, "/17889455560051444"));
        Assert.Equal("{\"image_url\":\"https://cdn.test/a.jpg\",\"caption\":\"Halo #promo\"}", _meta.Last(HttpMethod.Post, "/media").Body);
        Assert.Equal("{\"creation_id\":\"17889455560051444\"}", _meta.Last(HttpMethod.Post, "/media_publish").Body);
        Assert.Equal("Bearer " + MetaHarness.IgToken, _meta.Last(HttpMethod.Post, "/media_publish").Authorization);
    }

    [Theory]
    [InlineData("ERROR|Error: 2207026 unsupported video format", PlatformErrorKind.InvalidContent, "2207026")]
    [InlineData("ERROR|Media could not be fetched 2207052", PlatformErrorKind.Transient, "2207052")]
    [InlineData("EXPIRED|Not published within 24 hours", PlatformErrorKind.Transient, "Not published within 24 hours")]
    public async Task A_container_ending_in_error_or_expired_fails_with_its_status_text(string status, PlatformErrorKind kind, string inMessage)
    {
        Quota(0);
        CreateContainer();
        Statuses("IN_PROGRESS", status);

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Publisher.PublishAsync(Image()));

        Assert.Equal(kind, ex.Kind);
        Assert.Contains(inMessage, ex.Message);
        Assert.Equal(0, _meta.Count(HttpMethod.Post, "/media_publish"));
    }

    [Fact]
    public async Task A_container_still_in_progress_after_the_timeout_gives_up_and_the_next_attempt_resumes_it()
    {
        using var meta = new MetaHarness(o =>
        {
            o.ContainerPollInitialDelay = TimeSpan.FromSeconds(10);
            o.ContainerPollMaxDelay = TimeSpan.FromSeconds(60);
            o.ContainerPollTimeout = TimeSpan.FromMinutes(5);
        });
        meta.Http.When(HttpMethod.Get, User + "/content_publishing_limit").Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"data\":[{\"quota_usage\":0,\"config\":{\"quota_total\":50}}]}"));
        meta.Http.When(HttpMethod.Post, User + "/media").Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"id\":\"17889455560051444\"}"));
        var finished = false;
        meta.Http.When(HttpMethod.Get, Container).Respond(_ => MetaHarness.Json(HttpStatusCode.OK,
            "{\"status_code\":\"" + (Volatile.Read(ref finished) ? "FINISHED" : "IN_PROGRESS") + "\"}"));
        meta.Http.When(HttpMethod.Post, User + "/media_publish").Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"id\":\"17920238422030506\"}"));
        meta.Http.When(HttpMethod.Get, MetaHarness.Base + "17920238422030506").Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"permalink\":\"https://www.instagram.com/p/X/\"}"));
        var publisher = meta.All<IPublisher>().Single(p => p.Platform == PlatformId.Instagram);
        var start = meta.Clock.GetUtcNow();

        var ex = await Assert.ThrowsAsync<PlatformException>(() => meta.RunWithClock(() => publisher.PublishAsync(Image()), TimeSpan.FromSeconds(5)));

        Assert.Equal(PlatformErrorKind.Transient, ex.Kind);
        Assert.Contains("IN_PROGRESS", ex.Message);
        Assert.True(meta.Clock.GetUtcNow() - start >= TimeSpan.FromMinutes(5));
        Assert.Equal(0, meta.Count(HttpMethod.Post, "/media_publish"));

        Volatile.Write(ref finished, true);
        var result = await publisher.PublishAsync(Image());

        Assert.Equal("17920238422030506", result.PlatformPostId);
        Assert.Equal(1, meta.Count(HttpMethod.Post, "/media")); // the saved container was reused
    }

    [Fact]
    public async Task An_exhausted_quota_is_rate_limited_until_the_window_frees_and_nothing_is_created()
    {
        Quota(50);
        // Oldest publish inside the 24 h window was 20 h ago: the window frees in 4 h.
        _meta.Http.When(HttpMethod.Get, User + "/media").Respond(_ => MetaHarness.Json(HttpStatusCode.OK,
            "{\"data\":[{\"id\":\"2\",\"timestamp\":\"2026-12-03T09:00:00+0000\"},{\"id\":\"1\",\"timestamp\":\"2026-12-02T14:00:00+0000\"}]}"));

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Publisher.PublishAsync(Image()));

        Assert.Equal(PlatformErrorKind.RateLimited, ex.Kind);
        Assert.Equal(TimeSpan.FromHours(4), ex.RetryAfter);
        Assert.Contains("50/50", ex.Message);
        Assert.Equal(0, _meta.Count(HttpMethod.Post, "/media"));
    }

    [Fact]
    public async Task The_publish_limit_error_from_media_publish_is_rate_limited()
    {
        Quota(0);
        CreateContainer();
        Statuses("FINISHED");
        _meta.Http.When(HttpMethod.Post, User + "/media_publish").Respond(_ => MetaHarness.Json(HttpStatusCode.BadRequest, MetaHarness.Error(9, 2207042, "Application request limit reached")));

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Publisher.PublishAsync(Image()));

        Assert.Equal(PlatformErrorKind.RateLimited, ex.Kind);
    }

    [Fact]
    public async Task A_carousel_creates_children_then_a_parent_with_their_ids()
    {
        Quota(0);
        var n = 0;
        _meta.Http.When(HttpMethod.Post, User + "/media").Respond(req =>
        {
            var i = Interlocked.Increment(ref n);
            return MetaHarness.Json(HttpStatusCode.OK, "{\"id\":\"" + (i < 3 ? "child" + i : "17889455560051444") + "\"}");
        });
        _meta.Http.When(HttpMethod.Get, MetaHarness.Base + "child1").Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"status_code\":\"FINISHED\"}"));
        _meta.Http.When(HttpMethod.Get, MetaHarness.Base + "child2").Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"status_code\":\"FINISHED\"}"));
        Statuses("FINISHED");
        PublishAndPermalink();

        await Publisher.PublishAsync(new PublishRequest(MetaHarness.Ig, new Post
        {
            Text = "Carousel",
            Media = [MediaItem.FromUrl(MediaKind.Image, new Uri("https://cdn.test/1.jpg")), MediaItem.FromUrl(MediaKind.Video, new Uri("https://cdn.test/2.mp4"))],
        }, "carousel"));

        var bodies = _meta.Requests.Where(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.EndsWith("/media", StringComparison.Ordinal)).Select(r => r.Body).ToList();
        Assert.Equal("{\"image_url\":\"https://cdn.test/1.jpg\",\"is_carousel_item\":true}", bodies[0]);
        Assert.Equal("{\"video_url\":\"https://cdn.test/2.mp4\",\"media_type\":\"VIDEO\",\"is_carousel_item\":true}", bodies[1]);
        Assert.Equal("{\"media_type\":\"CAROUSEL\",\"caption\":\"Carousel\",\"children\":\"child1,child2\"}", bodies[2]);
    }

    [Theory]
    [InlineData(PostPlacement.Reel, MediaKind.Video, "{\"video_url\":\"https://cdn.test/m\",\"media_type\":\"REELS\",\"caption\":\"c\"}")]
    [InlineData(PostPlacement.Feed, MediaKind.Video, "{\"video_url\":\"https://cdn.test/m\",\"media_type\":\"REELS\",\"caption\":\"c\"}")]
    [InlineData(PostPlacement.Story, MediaKind.Image, "{\"image_url\":\"https://cdn.test/m\",\"media_type\":\"STORIES\"}")]
    [InlineData(PostPlacement.Story, MediaKind.Video, "{\"video_url\":\"https://cdn.test/m\",\"media_type\":\"STORIES\"}")]
    public async Task Reels_and_stories_set_their_media_type(PostPlacement placement, MediaKind kind, string expectedBody)
    {
        Quota(0);
        CreateContainer();
        Statuses("FINISHED");
        PublishAndPermalink();

        await Publisher.PublishAsync(new PublishRequest(MetaHarness.Ig, new Post
        {
            Text = "c",
            Placement = placement,
            Media = [MediaItem.FromUrl(kind, new Uri("https://cdn.test/m"))],
        }, "k"));

        Assert.Equal(expectedBody, _meta.Last(HttpMethod.Post, "/media").Body);
    }

    [Fact]
    public async Task A_local_file_without_a_media_host_fails_before_any_call()
    {
        var ex = await Assert.ThrowsAsync<PlatformException>(() => Publisher.PublishAsync(new PublishRequest(MetaHarness.Ig, new Post
        {
            Text = "c",
            Media = [MediaItem.FromFile(MediaKind.Image, "/tmp/photo.jpg")],
        }, "k")));

        Assert.Equal(PlatformErrorKind.Permanent, ex.Kind);
        Assert.Contains("IMediaHost", ex.Message);
        Assert.Empty(_meta.Requests);
    }

    [Fact]
    public async Task A_local_file_goes_through_the_media_host()
    {
        using var meta = new MetaHarness(mediaHost: new FakeMediaHost());
        meta.Http.When(HttpMethod.Get, User + "/content_publishing_limit").Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"data\":[{\"quota_usage\":0}]}"));
        meta.Http.When(HttpMethod.Post, User + "/media").Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"id\":\"17889455560051444\"}"));
        meta.Http.When(HttpMethod.Get, Container).Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"status_code\":\"FINISHED\"}"));
        meta.Http.When(HttpMethod.Post, User + "/media_publish").Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"id\":\"1792\"}"));
        meta.Http.When(HttpMethod.Get, MetaHarness.Base + "1792").Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"permalink\":\"https://www.instagram.com/p/Y/\"}"));

        await meta.All<IPublisher>().Single(p => p.Platform == PlatformId.Instagram).PublishAsync(new PublishRequest(MetaHarness.Ig, new Post
        {
            Text = "c",
            Media = [MediaItem.FromFile(MediaKind.Image, "/tmp/photo.jpg")],
        }, "k"));

        Assert.Contains("https://media.test/photo.jpg", meta.Last(HttpMethod.Post, "/media").Body);
    }

    [Theory]
    [InlineData(2201, 0, 0)]
    [InlineData(10, 31, 0)]
    [InlineData(10, 0, 21)]
    public async Task Captions_over_the_limits_fail_before_any_call(int length, int hashtags, int mentions)
    {
        var caption = new string('a', length) + string.Concat(Enumerable.Range(0, hashtags).Select(i => " #tag" + i)) + string.Concat(Enumerable.Range(0, mentions).Select(i => " @user" + i));

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Publisher.PublishAsync(Image(caption: caption)));

        Assert.Equal(PlatformErrorKind.InvalidContent, ex.Kind);
        Assert.Empty(_meta.Requests);
    }

    [Fact]
    public async Task A_carousel_of_eleven_fails_before_any_call()
    {
        var media = Enumerable.Range(0, 11).Select(i => MediaItem.FromUrl(MediaKind.Image, new Uri($"https://cdn.test/{i}.jpg"))).ToList();

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Publisher.PublishAsync(new PublishRequest(MetaHarness.Ig, new Post { Text = "c", Media = media }, "k")));

        Assert.Equal(PlatformErrorKind.InvalidContent, ex.Kind);
        Assert.Empty(_meta.Requests);
    }

    [Fact]
    public async Task After_media_publish_times_out_reconciliation_finds_the_media_and_a_retry_does_not_publish_again()
    {
        Quota(0);
        CreateContainer();
        var published = false;
        _meta.Http.When(HttpMethod.Get, Container).Respond(_ => MetaHarness.Json(HttpStatusCode.OK,
            "{\"status_code\":\"" + (Volatile.Read(ref published) ? "PUBLISHED" : "FINISHED") + "\"}"));
        _meta.Http.When(HttpMethod.Post, User + "/media_publish").Respond(_ =>
        {
            Volatile.Write(ref published, true); // it went through, but the answer never arrives
            throw new TaskCanceledException("timed out", new TimeoutException());
        });
        _meta.Http.When(HttpMethod.Get, User + "/media").Respond(_ => MetaHarness.Json(HttpStatusCode.OK,
            "{\"data\":[{\"id\":\"17920238422030506\",\"caption\":\"Halo #promo\",\"timestamp\":\"2026-12-03T10:00:02+0000\",\"permalink\":\"https://www.instagram.com/p/Abc123/\"}]}"));
        var request = Image();
        var started = _meta.Clock.GetUtcNow();

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Publisher.PublishAsync(request));
        Assert.Equal(PlatformErrorKind.OutcomeUnknown, ex.Kind);

        var reconciled = await _meta.All<IPublishReconciler>().Single(r => r.Platform == PlatformId.Instagram).ReconcileAsync(request, started);
        Assert.Equal(ReconcileStatus.Found, reconciled.Status);
        Assert.Equal("17920238422030506", reconciled.Result!.PlatformPostId);
        Assert.Equal(new Uri("https://www.instagram.com/p/Abc123/"), reconciled.Result.Permalink);

        _meta.Http.When(HttpMethod.Get, MetaHarness.Base + "17920238422030506").Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"permalink\":\"https://www.instagram.com/p/Abc123/\"}"));
        var again = await Publisher.PublishAsync(request);
        Assert.Equal("17920238422030506", again.PlatformPostId);
        Assert.Equal(1, _meta.Count(HttpMethod.Post, "/media_publish"));
        Assert.Equal(1, _meta.Count(HttpMethod.Post, "/media"));
    }

    [Fact]
    public async Task Reconciliation_of_a_container_that_was_never_published_is_not_found()
    {
        await _meta.Get<IPublishCheckpointStore>().SaveAsync("ig-x", "instagram.container_id", "17889455560051444");
        Statuses("FINISHED");

        var result = await _meta.All<IPublishReconciler>().Single(r => r.Platform == PlatformId.Instagram).ReconcileAsync(Image("ig-x"), _meta.Clock.GetUtcNow());

        Assert.Equal(ReconcileStatus.NotFound, result.Status);
    }

    public void Dispose() => _meta.Dispose();

    private sealed class FakeMediaHost : IMediaHost
    {
        public ValueTask<Uri> HostAsync(MediaItem localMedia, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new Uri("https://media.test/" + Path.GetFileName(localMedia.LocalPath)));
    }
}
