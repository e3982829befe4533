using System.Net;
using RichardSzalay.MockHttp;
using Rizquna.Connectors.TikTok.Tests.Fakes;

namespace Rizquna.Connectors.TikTok.Tests.Publishing;

public sealed class ReconcilerTests
{
    private const string StatusUrl = TikTokFixture.BaseUrl + "v2/post/publish/status/fetch/";

    private static readonly PublishRequest Request = new(TikTokFixture.Account,
        new Post { Media = [MediaItem.FromUrl(MediaKind.Video, new Uri("https://verified.example/v.mp4"))] }, "rec-1");

    private static async Task<TikTokFixture> WithNotes(string? source, string? publishId)
    {
        var fx = new TikTokFixture();
        if (source is not null)
        {
            await fx.Checkpoints.SaveAsync("rec-1", "tiktok.source", source);
        }

        if (publishId is not null)
        {
            await fx.Checkpoints.SaveAsync("rec-1", "tiktok.publish_id", publishId);
            await fx.Checkpoints.SaveAsync("rec-1", "tiktok.username", "tiktok");
        }

        return fx;
    }

    [Theory]
    [InlineData("PUBLISH_COMPLETE", ReconcileStatus.Found)]
    [InlineData("SEND_TO_USER_INBOX", ReconcileStatus.Found)]
    [InlineData("FAILED", ReconcileStatus.NotFound)]
    [InlineData("PROCESSING_DOWNLOAD", ReconcileStatus.Unknown)]
    [InlineData("PROCESSING_UPLOAD", ReconcileStatus.Unknown)]
    public async Task Settles_by_the_status_of_the_noted_publish_id(string status, ReconcileStatus expected)
    {
        using var fx = await WithNotes("PULL_FROM_URL", "v_pub_url~1");
        fx.Api.Expect(HttpMethod.Post, StatusUrl).WithContent("""{"publish_id":"v_pub_url~1"}""")
            .Respond(Bodies.Json, Bodies.Status(status, status == "PUBLISH_COMPLETE" ? ",\"publicaly_available_post_id\":[7204849475428240000]" : ""));

        var result = await fx.Reconciler.ReconcileAsync(Request, fx.Clock.GetUtcNow());

        Assert.Equal(expected, result.Status);
        if (status == "PUBLISH_COMPLETE")
        {
            Assert.Equal("7204849475428240000", result.Result!.PlatformPostId);
            Assert.Equal(new Uri("https://www.tiktok.com/@tiktok/video/7204849475428240000"), result.Result.Permalink);
        }
    }

    [Fact]
    public async Task An_unknown_publish_id_is_not_found()
    {
        using var fx = await WithNotes("FILE_UPLOAD", "gone");
        fx.Api.Expect(HttpMethod.Post, StatusUrl).Respond(HttpStatusCode.BadRequest, Bodies.Json, Bodies.Error("invalid_publish_id"));

        Assert.Equal(ReconcileStatus.NotFound, (await fx.Reconciler.ReconcileAsync(Request, fx.Clock.GetUtcNow())).Status);
    }

    [Fact]
    public async Task A_failed_status_read_is_unknown()
    {
        using var fx = await WithNotes("FILE_UPLOAD", "p1");
        fx.Api.Expect(HttpMethod.Post, StatusUrl).Respond(HttpStatusCode.InternalServerError, Bodies.Json, Bodies.Error("internal_error"));

        Assert.Equal(ReconcileStatus.Unknown, (await fx.Reconciler.ReconcileAsync(Request, fx.Clock.GetUtcNow())).Status);
    }

    [Theory]
    [InlineData(null, ReconcileStatus.NotFound)]
    [InlineData("FILE_UPLOAD", ReconcileStatus.NotFound)]
    [InlineData("PULL_FROM_URL", ReconcileStatus.Unknown)]
    [InlineData("PHOTO", ReconcileStatus.Unknown)]
    public async Task Without_a_publish_id_only_a_file_upload_is_known_not_to_exist(string? source, ReconcileStatus expected)
    {
        using var fx = await WithNotes(source, null);

        var result = await fx.Reconciler.ReconcileAsync(Request, fx.Clock.GetUtcNow());

        Assert.Equal(expected, result.Status);
        fx.Api.VerifyNoOutstandingRequest();
    }
}
