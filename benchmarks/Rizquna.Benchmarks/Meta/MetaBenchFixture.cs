using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Rizquna.Connectors.Meta;
using Rizquna.Connectors.Meta.Graph;
using Rizquna.Connectors.Meta.Graph.Models;

namespace Rizquna.Benchmarks.Meta;

/// <summary>
/// What every Meta benchmark shares: the fake Graph handler, the DI container with the connector wired to it, and the
/// request a bare <see cref="HttpClient"/> sends for the same post.
/// </summary>
internal sealed class MetaBenchFixture : IDisposable
{
    public const string PageId = "111111111111111";
    public const string FeedPath = PageId + "/feed?fields=id,permalink_url";
    public const string Token = "EAAPAGE-benchmark-token";
    public static readonly Uri BaseAddress = new("https://graph.bench/v25.0/");
    public static readonly AccountRef Page = new(PlatformId.Facebook, "001", PageId);

    private readonly ServiceProvider _provider;

    public MetaBenchFixture()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ICredentialProvider>(new InMemoryCredentialStore().Set(Page, new PlatformCredential(Token)));
        services.AddRizqunaMeta(o =>
        {
            o.BaseAddress = BaseAddress;
            o.AppId = "1234567890";
            o.AppSecret = "app-secret-benchmark";
        });
        services.AddHttpClient(GraphClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Handler);
        _provider = services.BuildServiceProvider();
    }

    /// <summary>The in-process Graph stand-in every client of a run sends to.</summary>
    public FakeGraphHandler Handler { get; } = new();

    public IServiceProvider Services => _provider;

    public IPublisher FacebookPublisher => _provider.GetServices<IPublisher>().Single(p => p.Platform == PlatformId.Facebook);

    public GraphClient Graph => _provider.GetRequiredService<GraphClient>();

    public HttpClient FactoryClient => _provider.GetRequiredService<IHttpClientFactory>().CreateClient(GraphClient.HttpClientName);

    /// <summary>A client straight over the fake handler; <paramref name="tuned"/> drops the client timeout, as the connector does.</summary>
    public HttpClient Bare(bool tuned) =>
        tuned
            ? new HttpClient(Handler, disposeHandler: false) { BaseAddress = BaseAddress, Timeout = Timeout.InfiniteTimeSpan }
            : new HttpClient(Handler, disposeHandler: false) { BaseAddress = BaseAddress };

    /// <summary>The request a caller without the connector would build for the same feed post.</summary>
    public static HttpRequestMessage FeedRequestMessage(string? message, string? link)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, FeedPath)
        {
            Content = JsonContent.Create(new FeedRequest { Message = message, Link = link }, GraphJsonContext.Default.FeedRequest),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return request;
    }

    public void Dispose() => _provider.Dispose();

    /// <summary>Reads the request body, then answers like Graph answers a feed post, with a usage header below the threshold.</summary>
    internal sealed class FakeGraphHandler : HttpMessageHandler
    {
        private static readonly byte[] Body = "{\"id\":\"111111111111111_2222222222222222\",\"permalink_url\":\"https://www.facebook.com/111111111111111/posts/2222222222222222\"}"u8.ToArray();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // A real handler writes the request body to the wire: serialize it here too, for every side.
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
