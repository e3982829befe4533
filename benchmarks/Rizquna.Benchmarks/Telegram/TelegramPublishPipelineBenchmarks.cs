using System.Net;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Rizquna.Connectors.Telegram;
using Rizquna.Connectors.Telegram.BotApi;

namespace Rizquna.Benchmarks.Telegram;

/// <summary>
/// One text publish through the whole connector (credential lookup, validation, HTML escaping, source-generated JSON,
/// IHttpClientFactory client, Polly resilience handler, envelope parsing, result mapping) against a bare
/// <see cref="HttpClient"/> call doing the same JSON work, both to the same in-process handler. Target ratio ≤ 1.3×.
/// Pacing is off: with it on, the benchmark would measure the 1-message-per-second limit, not the pipeline.
/// </summary>
[MemoryDiagnoser]
public class TelegramPublishPipelineBenchmarks
{
    private const string Token = "123456789:AAE-benchmarkToken_value";
    private static readonly AccountRef Account = new(PlatformId.Telegram, "001", "@rizquna_channel");

    private ServiceProvider _provider = null!;
    private TelegramPublisher _publisher = null!;
    private HttpClient _bare = null!;
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
        _url = new Uri("http://bot.local/bot" + Token + "/sendMessage");
        _request = new PublishRequest(Account, new Post { Text = "Promo hari ini: diskon 20% untuk semua produk <terbatas> & gratis ongkir!" }, "bench");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider.Dispose();
        _bare.Dispose();
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

    [Benchmark]
    public async Task<string> RizqunaPublish() => (await _publisher.PublishAsync(_request)).PlatformPostId;

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
