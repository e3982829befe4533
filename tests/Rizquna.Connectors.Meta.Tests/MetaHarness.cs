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
        Http.Fallback.Respond(req => throw new InvalidOperationException($"Unexpected call {req.Method} {req.RequestUri}"));
        services.AddHttpClient(GraphClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Recorder(Requests) { InnerHandler = Http });
        _provider = services.BuildServiceProvider();
    }

    public MockHttpMessageHandler Http { get; } = new();

    /// <summary>Every request that reached the fake platform, in order.</summary>
    public List<RecordedRequest> Requests { get; } = [];

    public int Count(HttpMethod method, string pathSuffix)
    {
        lock (Requests)
        {
            return Requests.Count(r => r.Method == method && r.Uri.AbsolutePath.EndsWith(pathSuffix, StringComparison.Ordinal));
        }
    }

    public RecordedRequest Last(HttpMethod method, string pathSuffix)
    {
        lock (Requests)
        {
            return Requests.Last(r => r.Method == method && r.Uri.AbsolutePath.EndsWith(pathSuffix, StringComparison.Ordinal));
        }
    }

    /// <summary>Runs <paramref name="work"/>, moving the manual clock on while it waits.</summary>
    public async Task<T> RunWithClock<T>(Func<Task<T>> work, TimeSpan step)
    {
        var task = Task.Run(work);
        for (var i = 0; i < 10_000 && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            Clock.Advance(step);
        }

        return await task;
    }

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

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Body, string? ContentType);

internal sealed class Recorder(List<RecordedRequest> requests) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = null;
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
            body = await request.Content.ReadAsStringAsync(cancellationToken);
        }

        lock (requests)
        {
            requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body,
                request.Content?.Headers.ContentType?.MediaType));
        }

        return await base.SendAsync(request, cancellationToken);
    }
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
