using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Rizquna.Connectors.TikTok;

namespace Rizquna.Benchmarks.TikTok;

/// <summary>
/// Chunk planning plus the sequential PUT upload of a 1 GiB generated stream through the connector's real
/// <see cref="ChunkUploader"/> (named HttpClient with the resilience handler) into an in-process upload host.
/// Target: ≥ 1 GB/s and at most 2 chunk sizes (20 MB) allocated per upload. Baseline: a plain copy of the same stream.
/// </summary>
[MemoryDiagnoser]
public class TikTokChunkUploadBenchmarks
{
    private const long VideoSize = 1L << 30;
    private const long ChunkSize = 10_000_000;
    private static readonly Uri UploadUrl = new("https://upload.us.tiktokapis.test/video/?upload_id=1&upload_token=secret");
    private static readonly AccountRef Account = new(PlatformId.TikTok, "001", "open-id");

    private ServiceProvider _provider = null!;
    private ChunkUploader _uploader = null!;
    private GeneratedVideoStream _source = null!;
    private InProcessUploadHost.CountingSink _sink = null!;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRizqunaTikTok(o =>
        {
            o.ClientKey = "key";
            o.ClientSecret = "secret";
        });
        services.AddHttpClient("Rizquna.TikTok.Upload").ConfigurePrimaryHttpMessageHandler(() => new InProcessUploadHost());
        _provider = services.BuildServiceProvider();
        _uploader = _provider.GetRequiredService<ChunkUploader>();
        _source = new GeneratedVideoStream(VideoSize);
        _sink = new InProcessUploadHost.CountingSink();
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true, Description = "Plain copy of 1 GiB (baseline)")]
    public async Task<long> PlainCopy()
    {
        _source.Rewind();
        _sink.Count = 0;
        await _source.CopyToAsync(_sink, 1024 * 1024);
        return _sink.Count;
    }

    [Benchmark(Description = "Plan + chunked PUT upload of 1 GiB")]
    public async Task<int> PlanAndUpload()
    {
        _source.Rewind();
        var plan = ChunkPlanner.Plan(VideoSize, ChunkSize, ChunkRules.Decimal);
        await _uploader.UploadAsync(Account, "v_pub_file~bench", UploadUrl, _source, plan, "video/mp4");
        return plan.ChunkCount;
    }
}
