using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Rizquna.Connectors.Meta.Graph;
using Rizquna.Connectors.Meta.Graph.Models;
using Rizquna.Http;

namespace Rizquna.Benchmarks.Meta;

/// <summary>
/// Where the publish pipeline's time goes: each layer added on top of a bare call (headers-read, no client timeout,
/// as the Graph client sends), same fake handler.
/// </summary>
[Config(typeof(MetaBenchmarkConfig))]
public class MetaPipelineBreakdownBenchmarks
{
    private MetaBenchFixture _fixture = null!;
    private HttpClient _bare = null!;
    private HttpClient _resilient = null!;
    private HttpClient _factory = null!;
    private GraphClient _graph = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new MetaBenchFixture();
        _graph = _fixture.Graph;
        _factory = _fixture.FactoryClient;
        _bare = _fixture.Bare(tuned: true);
        _resilient = new HttpClient(new ResilienceHandler(new ResilienceSettings()) { InnerHandler = _fixture.Handler })
        {
            BaseAddress = MetaBenchFixture.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    private static async Task<string?> Send(HttpClient client)
    {
        using var request = MetaBenchFixture.FeedRequestMessage("Promo hari ini", link: null);
        request.ForAccount(MetaBenchFixture.Page);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync(GraphJsonContext.Default.IdResponse).ConfigureAwait(false))?.Id;
    }

    [Benchmark(Baseline = true)]
    public Task<string?> Bare() => Send(_bare);

    [Benchmark]
    public Task<string?> ResilienceHandlerOnly() => Send(_resilient);

    [Benchmark]
    public Task<string?> FactoryClient() => Send(_factory);

    [Benchmark]
    public async Task<string?> GraphClientPost() =>
        (await _graph.PostJsonAsync(MetaBenchFixture.Page, MetaBenchFixture.FeedPath, new FeedRequest { Message = "Promo hari ini" },
            GraphJsonContext.Default.FeedRequest, GraphJsonContext.Default.IdResponse, GraphWrite.CreatesContent, default).ConfigureAwait(false)).Id;
}
