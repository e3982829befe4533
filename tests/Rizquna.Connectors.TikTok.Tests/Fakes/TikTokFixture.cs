using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RichardSzalay.MockHttp;
using Rizquna.Testing;

namespace Rizquna.Connectors.TikTok.Tests.Fakes;

/// <summary>The connector wired through its real DI registration, with MockHttp behind both HTTP clients.</summary>
internal sealed class TikTokFixture : IDisposable
{
    public const string BaseUrl = "https://open.tiktokapis.test/";
    public const string AccessToken = "act.example12345Example12345Example";
    public const string RefreshToken = "rft.example12345Example12345Example";
    public const string ClientSecret = "client-secret-value-123";
    public const string UploadUrl = "https://upload.us.tiktokapis.test/video/?upload_id=67890&upload_token=chunkexample-secret";

    private readonly ServiceProvider _provider;

    public TikTokFixture(Action<TikTokOptions>? configure = null, HttpMessageHandler? uploadHandler = null)
    {
        Clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        Credentials.Set(Account, new PlatformCredential(AccessToken)
        {
            RefreshToken = RefreshToken,
            ExpiresAt = Clock.GetUtcNow().AddHours(2),
            RefreshExpiresAt = Clock.GetUtcNow().AddDays(180),
        });

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ICredentialStore>(Credentials);
        services.AddSingleton<IPublishCheckpointStore>(Checkpoints);
        services.AddRizqunaTikTok(o =>
        {
            o.BaseAddress = new Uri(BaseUrl);
            o.ClientKey = "client-key";
            o.ClientSecret = ClientSecret;
            o.StatusPollInterval = TimeSpan.Zero;
            o.Resilience.MaxRetryAttempts = 0;
            o.UploadResilience.MaxRetryAttempts = 0;
            configure?.Invoke(o);
        });
        services.AddHttpClient(TikTokHttp.ApiClient).ConfigurePrimaryHttpMessageHandler(() => Api);
        services.AddHttpClient(TikTokHttp.UploadClient).ConfigurePrimaryHttpMessageHandler(() => uploadHandler ?? Upload);
        _provider = services.BuildServiceProvider();
    }

    public static AccountRef Account { get; } = new(PlatformId.TikTok, "001", "open-id-001");

    public ManualTimeProvider Clock { get; }

    public InMemoryCredentialStore Credentials { get; } = new();

    public InMemoryPublishCheckpointStore Checkpoints { get; } = new();

    public MockHttpMessageHandler Api { get; } = new();

    public MockHttpMessageHandler Upload { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public IPublisher Publisher => _provider.GetRequiredService<IPublisher>();

    public IPublishReconciler Reconciler => _provider.GetRequiredService<IPublishReconciler>();

    public ITokenInspector Inspector => _provider.GetRequiredService<ITokenInspector>();

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose() => _provider.Dispose();
}
