using System.Net;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Rizquna.Connectors.Waha;
using Rizquna.Connectors.Waha.Api;
using Rizquna.Http;

namespace Rizquna.Benchmarks.Waha;

/// <summary>
/// The WAHA publish pipeline (DI-built <see cref="IPublisher"/> → chat-id normalisation → session pause check → WahaClient →
/// resilience handler → JSON body → response parsing) against an in-process fake gateway, compared with a bare
/// <see cref="HttpClient"/> posting the same <c>sendText</c> JSON with the same <c>X-Api-Key</c> to the same handler and
/// parsing the same response. Target: pipeline ≤ 1.3 × bare.
/// </summary>
[MemoryDiagnoser]
public class WahaPublishBenchmarks
{
    private const string ApiKey = "waha-benchmark-key";
    private static readonly AccountRef Account = new(PlatformId.WhatsApp, "001", "default");

    private readonly FakeGatewayHandler _handler = new();
    private ServiceProvider _provider = null!;
    private IPublisher _publisher = null!;
    private HttpClient _bare = null!;
    private HttpClient _resilientOnly = null!;
    private PublishRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddRizqunaWaha(o =>
        {
            o.BaseAddress = new Uri("http://waha.bench:3000");
            o.ApiKey = ApiKey;
            o.PublishChatId = "081234567890";
        });
        services.AddHttpClient(WahaClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _handler);
        _provider = services.BuildServiceProvider();
        _publisher = _provider.GetServices<IPublisher>().Single(p => p.Platform == PlatformId.WhatsApp);
        _bare = new HttpClient(_handler, disposeHandler: false) { BaseAddress = new Uri("http://waha.bench:3000/") };
        _resilientOnly = new HttpClient(new ResilienceHandler(new ResilienceSettings()) { InnerHandler = _handler }, disposeHandler: false)
        {
            BaseAddress = new Uri("http://waha.bench:3000/"),
        };
        _request = new PublishRequest(Account, new Post { Text = "Promo hari ini: diskon 20% untuk semua produk\nhttps://rizquna.id/promo" }, "bench");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _resilientOnly.Dispose();
        _provider.Dispose();
    }

    [Benchmark(Baseline = true, Description = "bare HttpClient")]
    public Task<string?> BareHttpClient() => Send(_bare);

    /// <summary>The shared Rizquna.Http resilience handler alone, to show how much of the overhead is the connector's own.</summary>
    [Benchmark(Description = "HttpClient + ResilienceHandler only")]
    public Task<string?> ResilienceHandlerOnly() => Send(_resilientOnly);

    private async Task<string?> Send(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/sendText")
        {
            Content = JsonContent.Create(new SendTextBody { Session = "default", ChatId = "6281234567890@c.us", Text = _request.Post.Text }, WahaJsonContext.Default.SendTextBody),
        };
        request.Headers.TryAddWithoutValidation("X-Api-Key", ApiKey);
        using var response = await client.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var sent = await response.Content.ReadFromJsonAsync(WahaJsonContext.Default.SentMessageDto).ConfigureAwait(false);
        return WahaIds.MessageId(sent?.Id, sent?.Key);
    }

    [Benchmark(Description = "WAHA publish pipeline")]
    public async Task<string> PublishPipeline() => (await _publisher.PublishAsync(_request).ConfigureAwait(false)).PlatformPostId;

    /// <summary>Answers sendText as WAHA (WEBJS) does: 201 with the sent message.</summary>
    private sealed class FakeGatewayHandler : HttpMessageHandler
    {
        private static readonly byte[] Sent =
            """{"id":{"fromMe":true,"remote":"6281234567890@c.us","id":"3EB0AAA","_serialized":"true_6281234567890@c.us_3EB0AAA"},"timestamp":1729670400,"from":"6285190654210@c.us","fromMe":true,"to":"6281234567890@c.us","body":"Promo"}"""u8.ToArray();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Read the body as a real server would, so both paths pay for serialising it.
            if (request.Content is not null)
            {
                await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            }

            var content = new ByteArrayContent(Sent);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = content, RequestMessage = request };
        }
    }
}

/// <summary>
/// A paired measurement for a noisy shared machine: alternates short rounds of bare calls and pipeline calls so that load
/// swings hit both alike, and compares the fastest rounds of each (the 10th percentile of per-call time): a round that was
/// preempted is slower, never faster, so the low percentiles are the least-disturbed estimates. BenchmarkDotNet runs
/// benchmarks one after another, so on a machine whose load swings by minutes its separate means mislead.
/// </summary>
public static class WahaPairedRatio
{
    /// <summary>Per-call microseconds at the 10th percentile and median of rounds, for both paths, with allocations per call.</summary>
    public sealed record Result(double BareP10Us, double PipelineP10Us, double BareMedianUs, double PipelineMedianUs, long BareBytes, long PipelineBytes)
    {
        /// <summary>The bare client plus the shared resilience handler only, at the 10th percentile.</summary>
        public double ResilienceOnlyP10Us { get; init; }

        /// <summary>Allocations per call of the bare client plus the resilience handler.</summary>
        public long ResilienceOnlyBytes { get; init; }

        /// <summary>Pipeline over bare at the 10th percentile.</summary>
        public double RatioP10 => PipelineP10Us / BareP10Us;

        /// <summary>Pipeline over bare at the median.</summary>
        public double RatioMedian => PipelineMedianUs / BareMedianUs;
    }

    /// <summary>Runs <paramref name="rounds"/> alternating rounds of <paramref name="callsPerRound"/> calls on each path.</summary>
    public static async Task<Result> RunAsync(int rounds = 1_000, int callsPerRound = 20)
    {
        var bench = new WahaPublishBenchmarks();
        bench.Setup();
        try
        {
            for (var i = 0; i < 5_000; i++)
            {
                await bench.BareHttpClient().ConfigureAwait(false);
                await bench.PublishPipeline().ConfigureAwait(false);
            }

            var bare = new double[rounds];
            var pipeline = new double[rounds];
            var resilient = new double[rounds];
            for (var r = 0; r < rounds; r++)
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                for (var i = 0; i < callsPerRound; i++)
                {
                    await bench.BareHttpClient().ConfigureAwait(false);
                }

                bare[r] = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMicroseconds / callsPerRound;
                start = System.Diagnostics.Stopwatch.GetTimestamp();
                for (var i = 0; i < callsPerRound; i++)
                {
                    await bench.PublishPipeline().ConfigureAwait(false);
                }

                pipeline[r] = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMicroseconds / callsPerRound;
                start = System.Diagnostics.Stopwatch.GetTimestamp();
                for (var i = 0; i < callsPerRound; i++)
                {
                    await bench.ResilienceHandlerOnly().ConfigureAwait(false);
                }

                resilient[r] = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMicroseconds / callsPerRound;
            }

            Array.Sort(bare);
            Array.Sort(pipeline);
            Array.Sort(resilient);
            return new Result(bare[rounds / 10], pipeline[rounds / 10], bare[rounds / 2], pipeline[rounds / 2],
                await BytesPerCall(bench.BareHttpClient).ConfigureAwait(false), await BytesPerCall(bench.PublishPipeline).ConfigureAwait(false))
            {
                ResilienceOnlyP10Us = resilient[rounds / 10],
                ResilienceOnlyBytes = await BytesPerCall(bench.ResilienceHandlerOnly).ConfigureAwait(false),
            };
        }
        finally
        {
            bench.Cleanup();
        }
    }

    private static async Task<long> BytesPerCall<T>(Func<Task<T>> call)
    {
        const int calls = 1_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            await call().ConfigureAwait(false);
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / calls;
    }
}
