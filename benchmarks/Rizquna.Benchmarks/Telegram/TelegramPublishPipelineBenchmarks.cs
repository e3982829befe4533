using System.Net;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Rizquna.Connectors.Telegram;
using Rizquna.Benchmarks.Shared;
using Rizquna.Connectors.Telegram.BotApi;
using Rizquna.Http;

namespace Rizquna.Benchmarks.Telegram;

/// <summary>
/// One text publish through the whole connector (credential lookup, validation, HTML escaping, source-generated JSON,
/// IHttpClientFactory client, Polly resilience handler, envelope parsing, result mapping) against a bare
/// <see cref="HttpClient"/> call doing the same JSON work, both to the same in-process handler. Target ratio ≤ 1.3×.
/// Pacing is off: with it on, the benchmark would measure the 1-message-per-second limit, not the pipeline.
/// The breakdown benchmarks add one layer at a time (resilience handler, factory client, Bot API client) to show where
/// the difference goes; <see cref="TelegramPairedRatio"/> measures them all alternately.
/// </summary>
[MemoryDiagnoser]
public class TelegramPublishPipelineBenchmarks
{
    private const string Token = "123456789:AAE-benchmarkToken_value";
    private static readonly AccountRef Account = new(PlatformId.Telegram, "001", "@rizquna_channel");

    private ServiceProvider _provider = null!;
    private TelegramPublisher _publisher = null!;
    private HttpClient _bare = null!;
    private HttpClient _resilient = null!;
    private IHttpClientFactory _factory = null!;
    private BotApiClient _api = null!;
    private ChatSender _sender = null!;
    private PublishRequest _request = null!;
    private Uri _url = null!;

    [GlobalSetup]
    public void Setup()
    {
        var handler = new CannedBotApi();
        var services = new ServiceCollection();
        services.AddSingleton<ICredentialProvider>(new InMemoryCredentialStore().Set(Account, new PlatformCredential(Token)));
        services.AddRizqunaTelegram(o =>
        {
            o.BaseAddress = new Uri("http://bot.local/");
            o.Pacing.Enabled = false;
        });
        services.AddHttpClient(BotApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        _provider = services.BuildServiceProvider();
        _publisher = _provider.GetRequiredService<TelegramPublisher>();
        _bare = new HttpClient(handler, disposeHandler: false);
        _resilient = new HttpClient(new ResilienceHandler(new ResilienceSettings()) { InnerHandler = handler }, disposeHandler: false);
        _factory = _provider.GetRequiredService<IHttpClientFactory>();
        _api = _provider.GetRequiredService<BotApiClient>();
        _sender = _provider.GetRequiredService<ChatSender>();
        _url = new Uri("http://bot.local/bot" + Token + "/sendMessage");
        _request = new PublishRequest(Account, new Post { Text = "Promo hari ini: diskon 20% untuk semua produk <terbatas> & gratis ongkir!" }, "bench");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider.Dispose();
        _bare.Dispose();
        _resilient.Dispose();
    }

    /// <summary>The floor: serialise the same request, POST it, parse the same envelope.</summary>
    [Benchmark(Baseline = true)]
    public async Task<long> BareHttpClient()
    {
        var body = new SendMessageRequest("@rizquna_channel", TelegramHtml.Escape(_request.Post.Text));
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, BotApiJsonContext.Default.SendMessageRequest));
        content.Headers.ContentType = new("application/json");
        using var response = await _bare.PostAsync(_url, content);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return JsonSerializer.Deserialize(bytes, BotApiJsonContext.Default.ApiResponseMessage)!.Result!.MessageId;
    }

    /// <summary>Breakdown: the same call through the shared Rizquna.Http resilience handler alone.</summary>
    [Benchmark]
    public Task<long> BarePlusResilience() => SendThrough(_resilient);

    /// <summary>Breakdown: the connector's named client from <see cref="IHttpClientFactory"/> (resilience handler included).</summary>
    [Benchmark]
    public Task<long> FactoryClient() => SendThrough(_factory.CreateClient(BotApiClient.HttpClientName));

    /// <summary>
    /// Breakdown: the connector's Bot API client (token lookup, request, envelope), without the publisher around it, writing
    /// JSON as the connector does (<see cref="BotApiJsonContext.Wire"/>; the bare rows use System.Text.Json's defaults).
    /// </summary>
    [Benchmark]
    public async Task<long> BotApiCall() => (await _api.CallAsync(Account, "sendMessage",
        new SendMessageRequest("@rizquna_channel", TelegramHtml.Escape(_request.Post.Text)),
        BotApiJsonContext.Wire.SendMessageRequest, BotApiJsonContext.Wire.ApiResponseMessage, createsContent: true, CancellationToken.None)).MessageId;

    /// <summary>Breakdown: the Bot API call through the chat sender (migrations, pacing gate, 429 handling).</summary>
    [Benchmark]
    public async Task<long> ChatSenderCall()
    {
        var text = _request.Post.Text;
        var sent = await _sender.SendAsync(Account, "@rizquna_channel", (chat, ct) => _api.CallAsync(Account, "sendMessage",
            new SendMessageRequest(chat, TelegramHtml.Escape(text)),
            BotApiJsonContext.Wire.SendMessageRequest, BotApiJsonContext.Wire.ApiResponseMessage, createsContent: true, ct), CancellationToken.None);
        return sent.Result.MessageId;
    }

    [Benchmark]
    public async Task<string> RizqunaPublish() => (await _publisher.PublishAsync(_request)).PlatformPostId;

    private async Task<long> SendThrough(HttpClient client)
    {
        var body = new SendMessageRequest("@rizquna_channel", TelegramHtml.Escape(_request.Post.Text));
        using var request = new RizqunaRequestMessage(HttpMethod.Post, _url) // as the connector sends
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, BotApiJsonContext.Default.SendMessageRequest)),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.ForAccount(Account);
        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return JsonSerializer.Deserialize(bytes, BotApiJsonContext.Default.ApiResponseMessage)!.Result!.MessageId;
    }

    /// <summary>Answers every call like <c>sendMessage</c> does, after reading the request body.</summary>
    private sealed class CannedBotApi : HttpMessageHandler
    {
        private static readonly byte[] Answer = """
            {"ok":true,"result":{"message_id":123,"sender_chat":{"id":-1001234567890,"title":"Rizquna","username":"rizquna_channel","type":"channel"},
            "chat":{"id":-1001234567890,"title":"Rizquna","username":"rizquna_channel","type":"channel"},"date":1700000000,
            "text":"Promo hari ini: diskon 20% untuk semua produk <terbatas> & gratis ongkir!"}}
            """u8.ToArray();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            var content = new ByteArrayContent(Answer);
            content.Headers.ContentType = new("application/json");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }
    }
}

/// <summary>
/// The paired measurement (<see cref="PairedRatio"/>) of every path of <see cref="TelegramPublishPipelineBenchmarks"/>:
/// bare → + resilience handler → factory client → Bot API client → whole publish. Target: publish ≤ 1.3 × bare.
/// </summary>
public static class TelegramPairedRatio
{
    /// <summary>Runs the paired measurement.</summary>
    public static PairedRatio.Result Run(int rounds = 1_000, int callsPerRound = 20)
    {
        var bench = new TelegramPublishPipelineBenchmarks();
        bench.Setup();
        try
        {
            return PairedRatio.Run(
            [
                new("bare HttpClient", bench.BareHttpClient),
                new("+ resilience handler", bench.BarePlusResilience),
                new("factory client (+ handler)", bench.FactoryClient),
                new("BotApiClient call", bench.BotApiCall),
                new("ChatSender + BotApiClient", bench.ChatSenderCall),
                new("Telegram publish pipeline", bench.RizqunaPublish),
            ], rounds, callsPerRound);
        }
        finally
        {
            bench.Cleanup();
        }
    }
}
