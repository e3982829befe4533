using Rizquna.Connectors.Telegram;
using Rizquna.Connectors.Waha;

namespace Rizquna.SampleHost.Webhooks;

/// <summary>
/// The connectors' own webhook verifiers and parsers for platforms running dry (no bot token / no WAHA address), so a
/// dry-run Telegram or WAHA webhook lands in lane A's inbox exactly like a live one (lane A then records the reply it
/// would send). Each lives in a small private container built from the same <c>Rizquna:Telegram</c> / <c>Rizquna:Waha</c>
/// section; nothing in them calls a platform (they verify signatures and parse bodies). A WAHA <c>session.status</c>
/// asking for a QR scan still alerts through the host's reporters.
/// </summary>
internal sealed class DryRunWebhooks(IConfiguration configuration, TimeProvider time, IServiceProvider host) : IDisposable
{
    // WAHA's options require a base address; in dry-run there is none, and the webhook handler never calls it.
    private static readonly Uri Unused = new("http://127.0.0.1:9/dry-run/");

    private readonly Lazy<ServiceProvider> _telegram = new(() =>
    {
        var services = Base(time);
        services.AddRizqunaTelegram(o => configuration.GetSection("Rizquna:Telegram").Bind(o));
        return services.BuildServiceProvider();
    });

    private readonly Lazy<ServiceProvider> _waha = new(() =>
    {
        var services = Base(time);
        // The session monitor alerts through every IReporter it can see: the host's (not owned, so not disposed here).
        foreach (var reporter in host.GetServices<IReporter>())
        {
            services.AddSingleton(reporter);
        }

        services.AddRizqunaWaha(o =>
        {
            configuration.GetSection("Rizquna:Waha").Bind(o);
            o.BaseAddress ??= Unused;
        });
        return services.BuildServiceProvider();
    });

    /// <summary>Telegram's secret-token check and update parser; null when the section's settings are invalid.</summary>
    public TelegramWebhook? Telegram => Resolve<TelegramWebhook, TelegramOptions>(_telegram);

    /// <summary>WAHA's HMAC check and event parser; null when the section's settings are invalid.</summary>
    public WahaWebhookHandler? Waha => Resolve<WahaWebhookHandler, WahaOptions>(_waha);

    // A live connector's settings are validated on start; a dry one's only here. Invalid settings (a malformed secret)
    // must not turn a webhook into a 500: the caller answers 401 as for a wrong secret.
    private static T? Resolve<T, TOptions>(Lazy<ServiceProvider> container)
        where T : class
        where TOptions : class
    {
        try
        {
            _ = container.Value.GetRequiredService<Microsoft.Extensions.Options.IOptions<TOptions>>().Value; // validates
            return container.Value.GetRequiredService<T>();
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        foreach (var container in new[] { _telegram, _waha })
        {
            if (container.IsValueCreated)
            {
                container.Value.Dispose();
            }
        }
    }

    private static ServiceCollection Base(TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        return services;
    }
}
