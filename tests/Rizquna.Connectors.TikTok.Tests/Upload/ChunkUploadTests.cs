using System.Net;
using System.Text.Json;
using RichardSzalay.MockHttp;
using Rizquna.Connectors.TikTok.Tests.Fakes;

namespace Rizquna.Connectors.TikTok.Tests.Upload;

public sealed class ChunkUploadTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static PublishRequest VideoPost(string path) => new(TikTokFixture.Account,
        new Post { Text = "caption #tag", Media = [MediaItem.FromFile(MediaKind.Video, path)] }, "post-1");

    /// <summary>Init expectation that checks the declared chunk plan, then status complete.</summary>
    private static void ExpectFileInit(TikTokFixture fx, long size, long chunkSize, int count)
    {
        fx.Api.Expect(HttpMethod.Post, TikTokFixture.BaseUrl + "v2/post/publish/creator_info/query/")
            .WithHeaders("Authorization", "Bearer " + TikTokFixture.AccessToken)
            .Respond(Bodies.Json, Bodies.CreatorInfo());
        fx.Api.Expect(HttpMethod.Post, TikTokFixture.BaseUrl + "v2/post/publish/video/init/")
            .With(r =>
            {
                using var body = JsonDocument.Parse(r.Content!.ReadAsStringAsync().Result);
                var source = body.RootElement.GetProperty("source_info");
                return source.GetProperty("source").GetString() == "FILE_UPLOAD"
                    && source.GetProperty("video_size").GetInt64() == size
                    && source.GetProperty("chunk_size").GetInt64() == chunkSize
                    && source.GetProperty("total_chunk_count").GetInt32() == count
                    && body.RootElement.GetProperty("post_info").GetProperty("title").GetString() == "caption #tag";
            })
            .Respond(Bodies.Json, Bodies.FileInit());
        fx.Api.Expect(HttpMethod.Post, TikTokFixture.BaseUrl + "v2/post/publish/status/fetch/")
            .WithContent("""{"publish_id":"v_pub_file~v2-1.123456789"}""")
            .Respond(Bodies.Json, Bodies.Complete);
    }

    [Fact]
    public async Task Official_worked_example_uploads_five_chunks_with_the_remainder_in_the_last()
    {
        using var fx = new TikTokFixture();
        ExpectFileInit(fx, 50_000_123, 10_000_000, 5);
        string[] ranges =
        [
            "bytes 0-9999999/50000123", "bytes 10000000-19999999/50000123", "bytes 20000000-29999999/50000123",
            "bytes 30000000-39999999/50000123", "bytes 40000000-50000122/50000123",
        ];
        foreach (var range in ranges)
        {
            var last = range.StartsWith("bytes 40000000", StringComparison.Ordinal);
            fx.Upload.Expect(HttpMethod.Put, TikTokFixture.UploadUrl)
                .With(r => r.Content!.Headers.ContentRange!.ToString() == range
                    && r.Content.Headers.ContentType!.MediaType == "video/mp4"
                    && r.Content.Headers.ContentLength == (last ? 10_000_123 : 10_000_000))
                .Respond(last ? HttpStatusCode.Created : HttpStatusCode.PartialContent);
        }

        var result = await fx.Publisher.PublishAsync(VideoPost(_files.Video(50_000_123)));

        fx.Api.VerifyNoOutstandingExpectation();
        fx.Upload.VerifyNoOutstandingExpectation();
        Assert.Equal("7204849475428240000", result.PlatformPostId);
        Assert.Equal(PublishState.Published, result.State);
        Assert.Equal(new Uri("https://www.tiktok.com/@tiktok/video/7204849475428240000"), result.Permalink);

        // Everything was logged at Trace (HttpClientFactory included): the upload was, its token and the access token were not.
        Assert.Contains("upload.us.tiktokapis.test", fx.Logs.All);
        Assert.DoesNotContain("chunkexample-secret", fx.Logs.All);
        Assert.DoesNotContain(TikTokFixture.AccessToken, fx.Logs.All);
    }

    [Fact]
    public async Task A_three_megabyte_file_goes_in_one_piece()
    {
        var upload = new CountingUploadHandler();
        using var fx = new TikTokFixture(uploadHandler: upload);
        ExpectFileInit(fx, 3_000_000, 3_000_000, 1);

        await fx.Publisher.PublishAsync(VideoPost(_files.Video(3_000_000)));

        fx.Api.VerifyNoOutstandingExpectation();
        Assert.Equal(["bytes 0-2999999/3000000"], upload.ContentRanges);
        Assert.Equal(3_000_000, upload.BytesReceived);
    }

    [Fact]
    public async Task Two_hundred_megabytes_go_in_several_chunks_in_order()
    {
        var upload = new CountingUploadHandler();
        using var fx = new TikTokFixture(uploadHandler: upload);
        ExpectFileInit(fx, 200_000_000, 10_000_000, 20);

        await fx.Publisher.PublishAsync(VideoPost(_files.Video(200_000_000)));

        fx.Api.VerifyNoOutstandingExpectation();
        Assert.Equal(20, upload.ContentRanges.Count);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal($"bytes {i * 10_000_000L}-{(i + 1) * 10_000_000L - 1}/200000000", upload.ContentRanges[i]);
        }

        Assert.Equal(200_000_000, upload.BytesReceived);
        Assert.All(upload.ContentTypes, t => Assert.Equal("video/mp4", t));
    }

    [Fact]
    public async Task A_300_megabyte_generated_stream_is_uploaded_with_memory_bounded_by_one_buffer()
    {
        const long size = 300_000_000;
        var source = new PatternStream(size);
        var upload = new CountingUploadHandler(source);
        using var fx = new TikTokFixture(o => o.UploadBufferBytes = 1024 * 1024, upload);
        var plan = ChunkPlanner.Plan(size, 10_000_000, ChunkRules.Decimal);

        await fx.Get<ChunkUploader>().UploadAsync(TikTokFixture.Account, "v_pub_file~1", new Uri(TikTokFixture.UploadUrl),
            source, plan, "video/mp4");

        Assert.Equal(30, upload.ContentRanges.Count);
        Assert.Equal(size, upload.BytesReceived);
        Assert.Equal(0, upload.MismatchedBytes);
        // Never more than one pooled buffer between the source and the wire: far below one chunk, let alone the file.
        Assert.InRange(upload.MaxBytesInFlight, 1, 1024 * 1024);
        Assert.InRange(source.LargestRead, 1, 1024 * 1024);
        Assert.True(upload.MaxBytesInFlight <= plan.ChunkSize);
    }

    [Fact]
    public async Task An_intermediate_chunk_refused_fails_with_the_status_and_no_upload_token()
    {
        using var fx = new TikTokFixture();
        fx.Upload.Expect(HttpMethod.Put, TikTokFixture.UploadUrl).Respond(HttpStatusCode.PartialContent);
        fx.Upload.Expect(HttpMethod.Put, TikTokFixture.UploadUrl)
            .Respond(HttpStatusCode.BadRequest, Bodies.Json, $$"""{"error":"bad range","url":"{{TikTokFixture.UploadUrl}}"}""");
        var plan = ChunkPlanner.Plan(30_000_000, 10_000_000, ChunkRules.Decimal);

        var error = await Assert.ThrowsAsync<PlatformException>(() => fx.Get<ChunkUploader>().UploadAsync(
            TikTokFixture.Account, "p1", new Uri(TikTokFixture.UploadUrl), new PatternStream(30_000_000), plan, "video/mp4"));

        Assert.Equal(PlatformErrorKind.InvalidContent, error.Kind);
        Assert.Equal(400, error.HttpStatus);
        Assert.Contains("bytes 10000000-19999999/30000000", error.Message);
        Assert.DoesNotContain("chunkexample-secret", error.Message + error.RawBody + fx.Logs.All);
    }

    [Fact]
    public async Task A_timed_out_last_chunk_is_an_unknown_outcome_but_an_earlier_one_is_transient()
    {
        using var fx = new TikTokFixture();
        fx.Upload.Expect(HttpMethod.Put, TikTokFixture.UploadUrl).Throw(new TaskCanceledException("timed out"));
        var plan = ChunkPlanner.Plan(30_000_000, 10_000_000, ChunkRules.Decimal);
        var uploader = fx.Get<ChunkUploader>();

        var early = await Assert.ThrowsAsync<PlatformException>(() => uploader.UploadAsync(
            TikTokFixture.Account, "p1", new Uri(TikTokFixture.UploadUrl), new PatternStream(30_000_000), plan, "video/mp4"));
        Assert.Equal(PlatformErrorKind.Transient, early.Kind);

        fx.Upload.Expect(HttpMethod.Put, TikTokFixture.UploadUrl).Throw(new TaskCanceledException("timed out"));
        var single = ChunkPlanner.Plan(3_000_000, 10_000_000, ChunkRules.Decimal);
        var last = await Assert.ThrowsAsync<PlatformException>(() => uploader.UploadAsync(
            TikTokFixture.Account, "p1", new Uri(TikTokFixture.UploadUrl), new PatternStream(3_000_000), single, "video/mp4"));
        Assert.Equal(PlatformErrorKind.OutcomeUnknown, last.Kind);
    }
}
