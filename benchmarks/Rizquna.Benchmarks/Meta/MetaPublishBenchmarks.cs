using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Rizquna.Connectors.Meta;
using Rizquna.Connectors.Meta.Graph;
using Rizquna.Connectors.Meta.Graph.Models;

namespace Rizquna.Benchmarks.Meta;

/// <summary>
/// The Facebook publish pipeline (DI-built publisher → Graph client → resilience handler → redacting logger →
/// serialization, usage headers, response parsing) against an in-process fake Graph handler, compared with a bare
/// <see cref="HttpClient"/> sending the same JSON request to the same handler and deserializing the same response.
/// Target: pipeline ≤ 1.3 × bare.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class MetaPublishBenchmarks
{
    private const string PageId = "111111111111111";
    private static readonly AccountRef Page = new(PlatformId.Facebook, "001", PageId);

    private readonly FakeGraphHandler _handler = new();
    private ServiceProvider _provider = null!;
    private IPublisher _publisher = null!;
    private GraphClient _graph = null!;
    private HttpClient _bare = null!;
    private HttpClient _bareTuned = null!;
    private PublishRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ICredentialProvider>(new InMemoryCredentialStore().Set(Page, new PlatformCredential("EAAPAGE-benchmark-token")));
        services.AddRizqunaMeta(o =>
        {
            o.BaseAddress = new Uri("https://graph.bench/v25.0/");
            o.AppId = "1234567890";
            o.AppSecret = "app-secret-benchmark";
        });
        services.AddHttpClient(GraphClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _handler);
        _provider = services.BuildServiceProvider();
        _publisher = _provider.GetServices<IPublisher>().Single(p => p.Platform == PlatformId.Facebook);
        _graph = _provider.GetRequiredService<GraphClient>();
        _bare = new HttpClient(_handler, disposeHandler: false) { BaseAddress = new Uri("https://graph.bench/v25.0/") };
        _bareTuned = new HttpClient(_handler, disposeHandler: false) { BaseAddress = new Uri("https://graph.bench/v25.0/"), Timeout = Timeout.InfiniteTimeSpan };
        _request = new PublishRequest(Page, new Post { Text = "Promo hari ini: diskon 20% untuk semua produk", Link = new Uri("https://rizquna.id/promo") }, "bench");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _bareTuned.Dispose();
        _provider.Dispose();
    }

    [Benchmark(Baseline = true, Description = "bare HttpClient")]
    public async Task<string?> BareHttpClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, PageId + "/feed?fields=id,permalink_url")
        {
            Content = JsonContent.Create(new FeedRequest { Message = _request.Post.Text, Link = _request.Post.Link!.AbsoluteUri }, GraphJsonContext.Default.FeedRequest),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "EAAPAGE-benchmark-token");
        using var response = await _bare.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync(GraphJsonContext.Default.IdResponse).ConfigureAwait(false);
        return body?.Id;
    }

    [Benchmark(Description = "bare, tuned (headers-read, no client timeout)")]
    public async Task<string?> BareTuned()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, PageId + "/feed?fields=id,permalink_url")
        {
            Content = JsonContent.Create(new FeedRequest { Message = _request.Post.Text, Link = _request.Post.Link!.AbsoluteUri }, GraphJsonContext.Default.FeedRequest),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "EAAPAGE-benchmark-token");
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
        var created = await _graph.PostJsonAsync(Page, PageId + "/feed?fields=id,permalink_url",
            new FeedRequest { Message = _request.Post.Text, Link = _request.Post.Link!.AbsoluteUri },
            GraphJsonContext.Default.FeedRequest, GraphJsonContext.Default.IdResponse, GraphWrite.CreatesContent, default).ConfigureAwait(false);
        return created.Id;
    }

    /// <summary>Reads the request body, then answers like Graph answers a feed post, with a usage header below the threshold.</summary>
    private sealed class FakeGraphHandler : HttpMessageHandler
    {
        private static readonly byte[] Body = "{\"id\":\"111111111111111_2222222222222222\",\"permalink_url\":\"https://www.facebook.com/111111111111111/posts/2222222222222222\"}"u8.ToArray();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // A real handler writes the request body to the wire: serialize it here too, for both sides.
            if (request.Content is not null)
            {
                await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            }

            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Body), RequestMessage = request };
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            response.Headers.TryAddWithoutValidation("X-App-Usage", "{\"call_count\":28,\"total_cputime\":25,\"total_time\":25}");
            return response;
        }
    }
}
