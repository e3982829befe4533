using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rizquna.Connectors.Meta;
using Rizquna.Connectors.Meta.Graph;
using Rizquna.Testing;
using RichardSzalay.MockHttp;

namespace Rizquna.Connectors.Meta.Tests;

/// <summary>A DI container with the Meta connector over MockHttp at <see cref="Base"/>, a manual clock and captured logs.</summary>
internal sealed class MetaHarness : IDisposable
{
    public const string Base = "https://graph.test/v25.0/";
    public const string PageToken = "EAAPAGE-token-secret-123456";
    public const string IgToken = "EAAIG-token-secret-654321";
    public const string AppSecret = "app-secret-abcdef";
    public const string PageId = "111111111111111";
    public const string IgUserId = "17841400000000000";

    public static readonly AccountRef Page = new(PlatformId.Facebook, "001", PageId);
    public static readonly AccountRef Ig = new(PlatformId.Instagram, "001", IgUserId);

    private readonly ServiceProvider _provider;

    public MetaHarness(Action<MetaOptions>? configure = null, IMediaHost? mediaHost = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ICredentialProvider>(new InMemoryCredentialStore()
            .Set(Page, new PlatformCredential(PageToken))
            .Set(Ig, new PlatformCredential(IgToken) { Properties = new Dictionary<string, string> { ["page_id"] = PageId } }));
        if (mediaHost is not null)
        {
            services.AddSingleton(mediaHost);
        }

        services.AddRizqunaMeta(o =>
        {
            o.BaseAddress = new Uri(Base);
            o.AppId = "1234567890";
            o.AppSecret = AppSecret;
            o.WebhookVerifyToken = "verify-me";
            o.ContainerPollInitialDelay = TimeSpan.Zero;
            o.ContainerPollMaxDelay = TimeSpan.Zero;
            o.Resilience.RetryBaseDelay = TimeSpan.Zero;
            o.Resilience.CircuitMinimumThroughput = 1000;
            configure?.Invoke(o);
        });
        services.AddHttpClient(GraphClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Http);
        _provider = services.BuildServiceProvider();
    }

    public MockHttpMessageHandler Http { get; } = new();

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));

    public CapturingLoggerProvider Logs { get; } = new();

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public IEnumerable<T> All<T>() => _provider.GetServices<T>();

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static string Error(int code, int? subcode = null, string message = "boom", bool? transient = null, string trace = "AbCdTrace") =>
        "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
        + (subcode is { } s ? ",\"error_subcode\":" + s : string.Empty)
        + (transient is { } t ? ",\"is_transient\":" + (t ? "true" : "false") : string.Empty)
        + ",\"fbtrace_id\":\"" + trace + "\"}}";

    public void Dispose() => _provider.Dispose();
}

internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._lines)
            {
                owner._lines.Add($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
