using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Rizquna.Connectors.Meta.Graph;
using Rizquna.Connectors.Meta.Graph.Models;

namespace Rizquna.Benchmarks.Meta;

/// <summary>
/// The Facebook publish pipeline (DI-built publisher → Graph client → resilience handler → serialization, usage
/// headers, response parsing) against an in-process fake Graph handler, compared with a bare <see cref="HttpClient"/>
/// sending the same JSON request to the same handler and deserializing the same response. Target: pipeline ≤ 1.3 × bare.
/// </summary>
[Config(typeof(MetaBenchmarkConfig))]
public class MetaPublishBenchmarks
{
    private MetaBenchFixture _fixture = null!;
    private IPublisher _publisher = null!;
    private GraphClient _graph = null!;
    private HttpClient _bare = null!;
    private HttpClient _bareTuned = null!;
    private PublishRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new MetaBenchFixture();
        _publisher = _fixture.FacebookPublisher;
        _graph = _fixture.Graph;
        _bare = _fixture.Bare(tuned: false);
        _bareTuned = _fixture.Bare(tuned: true);
        _request = new PublishRequest(MetaBenchFixture.Page,
            new Post { Text = "Promo hari ini: diskon 20% untuk semua produk", Link = new Uri("https://rizquna.id/promo") }, "bench");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _bareTuned.Dispose();
        _fixture.Dispose();
    }

    [Benchmark(Baseline = true, Description = "bare HttpClient")]
    public async Task<string?> BareHttpClient()
    {
        using var request = MetaBenchFixture.FeedRequestMessage(_request.Post.Text, _request.Post.Link!.AbsoluteUri);
        using var response = await _bare.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync(GraphJsonContext.Default.IdResponse).ConfigureAwait(false);
        return body?.Id;
    }

    [Benchmark(Description = "bare, tuned (headers-read, no client timeout)")]
    public async Task<string?> BareTuned()
    {
        using var request = MetaBenchFixture.FeedRequestMessage(_request.Post.Text, _request.Post.Link!.AbsoluteUri);
        using var response = await _bareTuned.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync(GraphJsonContext.Default.IdResponse).ConfigureAwait(false);
        return body?.Id;
    }

    [Benchmark(Description = "Meta publish pipeline")]
    public async Task<string> PublishPipeline()
    {
        var result = await _publisher.PublishAsync(_request).ConfigureAwait(false);
        return result.PlatformPostId;
    }

    [Benchmark(Description = "Graph client only")]
    public async Task<string?> GraphClientOnly()
    {
        var created = await _graph.PostJsonAsync(MetaBenchFixture.Page, MetaBenchFixture.FeedPath,
            new FeedRequest { Message = _request.Post.Text, Link = _request.Post.Link!.AbsoluteUri },
            GraphJsonContext.Default.FeedRequest, GraphJsonContext.Default.IdResponse, GraphWrite.CreatesContent, default).ConfigureAwait(false);
        return created.Id;
    }
}
