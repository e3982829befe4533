using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Rizquna.Connectors.Meta;
using Rizquna.Connectors.Meta.Graph;
using Rizquna.Connectors.Meta.Graph.Models;
using Rizquna.Http;

namespace Rizquna.Benchmarks.Meta;

/// <summary>
/// Where the publish pipeline's time goes: each layer added on top of a bare call (headers-read, no client timeout,
/// as the Graph client sends), same fake handler.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class MetaPipelineBreakdownBenchmarks
{
    private const string PageId = "111111111111111";
    private static readonly AccountRef Page = new(PlatformId.Facebook, "001", PageId);
    private readonly FakeHandler _handler = new();
    private ServiceProvider _provider = null!;
    private HttpClient _bare = null!;
    private HttpClient _resilient = null!;
    private HttpClient _factory = null!;
    private GraphClient _graph = null!;

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
        _graph = _provider.GetRequiredService<GraphClient>();
        _factory = _provider.GetRequiredService<IHttpClientFactory>().CreateClient(GraphClient.HttpClientName);
        _bare = new HttpClient(_handler, disposeHandler: false) { BaseAddress = new Uri("https://graph.bench/v25.0/"), Timeout = Timeout.InfiniteTimeSpan };
        _resilient = new HttpClient(new ResilienceHandler(new ResilienceSettings()) { InnerHandler = _handler }) { BaseAddress = new Uri("https://graph.bench/v25.0/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    private static HttpRequestMessage Request()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, PageId + "/feed?fields=id,permalink_url")
        {
            Content = JsonContent.Create(new FeedRequest { Message = "Promo hari ini" }, GraphJsonContext.Default.FeedRequest),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "EAAPAGE-benchmark-token");
        request.ForAccount(Page);
        return request;
    }

    private static async Task<string?> Send(HttpClient client)
    {
        using var request = Request();
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
        (await _graph.PostJsonAsync(Page, PageId + "/feed?fields=id,permalink_url", new FeedRequest { Message = "Promo hari ini" },
            GraphJsonContext.Default.FeedRequest, GraphJsonContext.Default.IdResponse, GraphWrite.CreatesContent, default).ConfigureAwait(false)).Id;

    private sealed class FakeHandler : HttpMessageHandler
    {
        private static readonly byte[] Body = "{\"id\":\"111111111111111_2222222222222222\",\"permalink_url\":\"https://www.facebook.com/111111111111111/posts/2222222222222222\"}"u8.ToArray();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
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
