using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;

namespace Rizquna.SampleHost.Tests.Infrastructure;

/// <summary>The real sample host on Kestrel at 127.0.0.1 on a free port, with its own data folder.</summary>
public sealed class RunningHost : IAsyncDisposable
{
    public const string Token = "test-token-0123456789abcdef";

    private RunningHost(WebApplication app, Uri baseAddress, string dataDirectory, LogCapture logs)
    {
        App = app;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        Logs = logs;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        Anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public LogCapture Logs { get; }

    /// <summary>Sends the API token.</summary>
    public HttpClient Client { get; }

    /// <summary>Sends no token.</summary>
    public HttpClient Anonymous { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<RunningHost> StartAsync(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        // Not created here: the host must create its data folder on first run, as on a fresh machine.
        var data = Path.Combine(Path.GetTempPath(), "rizquna-host-tests", Guid.NewGuid().ToString("n"));
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["environment"] = "Production",
            ["Rizquna:Host:DataDirectory"] = data,
            ["Rizquna:Api:Tokens:0"] = Token,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var args = all.Where(static p => p.Value is not null).Select(static p => $"--{p.Key}={p.Value}").ToArray();
        var logs = new LogCapture();
        var app = HostApp.Build(args, builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningHost(app, new Uri(address), data, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
