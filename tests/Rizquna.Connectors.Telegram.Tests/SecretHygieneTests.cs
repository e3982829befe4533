using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rizquna.Connectors.Telegram.BotApi;
using Rizquna.Testing;
using RichardSzalay.MockHttp;

namespace Rizquna.Connectors.Telegram.Tests;

/// <summary>The bot token is in the URL path of every call: nothing that is logged may contain it.</summary>
public sealed class SecretHygieneTests
{
    [Fact]
    public async Task No_log_line_at_any_level_contains_the_bot_token()
    {
        const string token = "987654321:ZZsecretForLogs_test-1";
        var account = new AccountRef(PlatformId.Telegram, "001", "@rizquna_channel");
        var sink = new ConcurrentQueue<string>();
        var http = new MockHttpMessageHandler();
        http.When(HttpMethod.Post, "https://tg.test/bot" + token + "/sendMessage").Respond(HttpStatusCode.BadRequest, "application/json",
            "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");
        http.When(HttpMethod.Post, "https://tg.test/bot" + token + "/getMe").Respond(HttpStatusCode.OK, "application/json",
            "{\"ok\":true,\"result\":{\"id\":987654321,\"is_bot\":true,\"first_name\":\"B\"}}");

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new Sink(sink)));
        services.AddSingleton<TimeProvider>(new ManualTimeProvider());
        services.AddSingleton<ICredentialProvider>(new InMemoryCredentialStore().Set(account, new PlatformCredential(token)));
        services.AddRizqunaTelegram(o => o.BaseAddress = new Uri("https://tg.test/"));
        services.AddHttpClient(BotApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => http);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<TelegramTokenInspector>().InspectAsync(account);
        await Assert.ThrowsAsync<PlatformException>(() =>
            provider.GetRequiredService<TelegramPublisher>().PublishAsync(new PublishRequest(account, new Post { Text = "x" }, "k")));

        Assert.NotEmpty(sink);
        Assert.DoesNotContain(sink, line => line.Contains("ZZsecretForLogs", StringComparison.Ordinal));
    }

    private sealed class Sink(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                lines.Enqueue(category + " scope " + state);
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(category + " " + formatter(state, exception) + " " + exception);
        }
    }
}
