using System.Net;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Rizquna.Benchmarks.Shared;
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
    private IHttpClientFactory _factory = null!;
    private WahaClient _client = null!;
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
        _factory = _provider.GetRequiredService<IHttpClientFactory>();
        _client = _provider.GetRequiredService<WahaClient>();
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

    /// <summary>Breakdown: the connector's named client from <see cref="IHttpClientFactory"/> (resilience handler included).</summary>
    [Benchmark(Description = "factory client (+ handler)")]
    public Task<string?> FactoryClient() => Send(_factory.CreateClient(WahaClient.HttpClientName));

    /// <summary>Breakdown: the connector's client (session check, request, response) without the publisher around it.</summary>
    [Benchmark(Description = "WahaClient call")]
    public async Task<string> ClientCall() =>
        (await _client.SendTextAsync(Account, "6281234567890@c.us", _request.Post.Text, null, CancellationToken.None).ConfigureAwait(false)).Id;

    private async Task<string?> Send(HttpClient client)
    {
        // The bare call uses a plain request; the handler paths the request type the connector sends.
        using var request = client == _bare ? new HttpRequestMessage(HttpMethod.Post, "api/sendText") : new RizqunaRequestMessage(HttpMethod.Post, "api/sendText");
        request.Content = JsonContent.Create(new SendTextBody { Session = "default", ChatId = "6281234567890@c.us", Text = _request.Post.Text }, WahaJsonContext.Default.SendTextBody);
        request.Headers.TryAddWithoutValidation("X-Api-Key", ApiKey);
        if (client != _bare)
        {
            request.ForAccount(Account); // as the connector does: the handler keeps a circuit per account
        }

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
/// The paired measurement (<see cref="PairedRatio"/>) of every path of <see cref="WahaPublishBenchmarks"/>:
/// bare → + resilience handler → factory client → WahaClient → whole publish. Target: publish ≤ 1.3 × bare.
/// </summary>
public static class WahaPairedRatio
{
    /// <summary>Runs the paired measurement.</summary>
    public static PairedRatio.Result Run(int rounds = 1_000, int callsPerRound = 20)
    {
        var bench = new WahaPublishBenchmarks();
        bench.Setup();
        try
        {
            return PairedRatio.Run(
            [
                new("bare HttpClient", bench.BareHttpClient),
                new("+ resilience handler", bench.ResilienceHandlerOnly),
                new("factory client (+ handler)", bench.FactoryClient),
                new("WahaClient call", bench.ClientCall),
                new("WAHA publish pipeline", bench.PublishPipeline),
            ], rounds, callsPerRound);
        }
        finally
        {
            bench.Cleanup();
        }
    }
}
