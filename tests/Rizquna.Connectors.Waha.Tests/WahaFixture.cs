using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RichardSzalay.MockHttp;
using Rizquna.Connectors.Waha;
using Rizquna.Http;
using Rizquna.Testing;

namespace Rizquna.Connectors.Waha.Tests;

/// <summary>A connector wired through DI against a MockHttp gateway at http://waha.test/.</summary>
internal sealed class WahaFixture : IDisposable
{
    public const string ApiKey = "waha-secret-key-123456";
    public static readonly AccountRef Account = new(PlatformId.WhatsApp, "001", "default");

    public WahaFixture(Action<WahaOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace)); // every level, so a leaked key would show
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddRizqunaWaha(o =>
        {
            o.BaseAddress = new Uri("http://waha.test");
            o.ApiKey = ApiKey;
            o.PublishChatId = "081234567890";
            o.AdminChatId = "6281111111111";
            o.WebhookHmacKey = "hook-key";
            o.Resilience = new ResilienceSettings { RetryBaseDelay = TimeSpan.Zero, MaxRetryAttempts = 2, CircuitMinimumThroughput = 1000 };
            configure?.Invoke(o);
        });
        collection.AddHttpClient(Api.WahaClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Http);
        services?.Invoke(collection);
        Provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _ = Provider.GetRequiredService<IOptions<WahaOptions>>().Value; // run validation
    }

    public MockHttpMessageHandler Http { get; } = new();
    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 10, 23, 8, 0, 0, TimeSpan.Zero));
    public CapturingLoggerProvider Logs { get; } = new();
    public ServiceProvider Provider { get; }

    public T Get<T>() where T : notnull => Provider.GetRequiredService<T>();

    public void Dispose()
    {
        Provider.Dispose();
        Http.Dispose();
    }
}
