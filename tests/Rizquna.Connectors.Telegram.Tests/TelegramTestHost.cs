using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Rizquna.Connectors.Telegram.BotApi;
using Rizquna.Testing;
using RichardSzalay.MockHttp;

namespace Rizquna.Connectors.Telegram.Tests;

/// <summary>
/// The connector wired through DI against a MockHttp Bot API at https://tg.test/, a manual clock and an in-memory
/// credential store. Records every call with its method, body and the clock's time.
/// </summary>
internal sealed class TelegramTestHost : IDisposable
{
    public const string Token = "123456789:AAE-s3cretBotToken_value";
    public const string ChannelId = "@rizquna_channel";

    public static readonly AccountRef Account = new(PlatformId.Telegram, "001", ChannelId);

    public TelegramTestHost(Action<TelegramOptions>? configure = null, bool pacing = false)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ICredentialProvider>(new InMemoryCredentialStore()
            .Set(Account, new PlatformCredential(Token))
            .Set(new AccountRef(PlatformId.Telegram, "reporter", ""), new PlatformCredential(Token)));
        services.AddRizqunaTelegram(options =>
        {
            options.BaseAddress = new Uri("https://tg.test/");
            options.Pacing.Enabled = pacing;
            options.Resilience.RetryBaseDelay = TimeSpan.Zero;
            configure?.Invoke(options);
        });
        services.AddHttpClient(BotApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Http);
        Provider = services.BuildServiceProvider();
    }

    public MockHttpMessageHandler Http { get; } = new();

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));

    public ServiceProvider Provider { get; }

    public ConcurrentQueue<Call> Calls { get; } = new();

    public T Get<T>() where T : notnull => Provider.GetRequiredService<T>();

    public static string Url(string method) => "https://tg.test/bot" + Token + "/" + method;

    /// <summary>Answers <paramref name="method"/> with the response <paramref name="respond"/> builds from the request body.</summary>
    public void On(string method, Func<string, (HttpStatusCode Status, string Json)> respond)
    {
        Http.When(HttpMethod.Post, Url(method)).Respond(async request =>
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync();
            Calls.Enqueue(new Call(method, body, request.Content?.Headers.ContentType?.MediaType, Clock.GetUtcNow()));
            var (status, json) = respond(body);
            return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        });
    }

    public void On(string method, HttpStatusCode status, string json) => On(method, _ => (status, json));

    /// <summary>Answers every send with a new message in the chat the request names.</summary>
    public void AnswerSendsWithMessages()
    {
        var next = 100;
        foreach (var method in new[] { "sendMessage", "sendPhoto", "sendVideo" })
        {
            On(method, _ => (HttpStatusCode.OK, Ok(MessageJson(Interlocked.Increment(ref next)))));
        }

        On("sendMediaGroup", body =>
        {
            var count = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("media").GetArrayLength();
            var messages = Enumerable.Range(0, count).Select(_ => MessageJson(Interlocked.Increment(ref next), mediaGroup: "g1"));
            return (HttpStatusCode.OK, Ok("[" + string.Join(',', messages) + "]"));
        });
    }

    public static string Ok(string result) => "{\"ok\":true,\"result\":" + result + "}";

    public static string Error(int code, string description, string? parameters = null) =>
        "{\"ok\":false,\"error_code\":" + code + ",\"description\":\"" + description + "\"" +
        (parameters is null ? "" : ",\"parameters\":" + parameters) + "}";

    public static string MessageJson(long messageId, long chatId = -1001234567890, string? mediaGroup = null) =>
        "{\"message_id\":" + messageId + ",\"from\":{\"id\":123456789,\"is_bot\":true,\"first_name\":\"Rizquna\",\"username\":\"rizquna_bot\"}," +
        "\"chat\":{\"id\":" + chatId + ",\"type\":\"channel\",\"title\":\"Rizquna\",\"username\":\"rizquna_channel\"},\"date\":1700000000" +
        (mediaGroup is null ? "" : ",\"media_group_id\":\"" + mediaGroup + "\"") + ",\"text\":\"ok\"}";

    public Call[] CallsTo(string method) => Calls.Where(c => c.Method == method).ToArray();

    public void Dispose() => Provider.Dispose();

    internal sealed record Call(string Method, string Body, string? ContentType, DateTimeOffset At)
    {
        public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body).RootElement;
    }
}
