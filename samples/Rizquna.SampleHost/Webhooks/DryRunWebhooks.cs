using Rizquna.Connectors.Telegram;
using Rizquna.Connectors.Waha;

namespace Rizquna.SampleHost.Webhooks;

/// <summary>
/// The connectors' own webhook verifiers and parsers for platforms running dry (no bot token / no WAHA address), so a
/// dry-run Telegram or WAHA webhook lands in lane A's inbox exactly like a live one (lane A then records the reply it
/// would send). They live in a private container built from the same <c>Rizquna:Telegram</c> / <c>Rizquna:Waha</c>
/// sections: nothing in it calls a platform (it only verifies signatures and parses bodies).
/// </summary>
internal sealed class DryRunWebhooks(IConfiguration configuration, TimeProvider time) : IDisposable
{
    // WAHA's options require a base address; in dry-run there is none, and the webhook handler never calls it.
    private static readonly Uri Unused = new("http://127.0.0.1:9/dry-run/");
    private readonly Lazy<ServiceProvider> _services = new(() =>
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddRizqunaTelegram(o => configuration.GetSection("Rizquna:Telegram").Bind(o));
        services.AddRizqunaWaha(o =>
        {
            configuration.GetSection("Rizquna:Waha").Bind(o);
            o.BaseAddress ??= Unused;
        });
        return services.BuildServiceProvider();
    });

    /// <summary>Telegram's secret-token check and update parser.</summary>
    public TelegramWebhook Telegram => _services.Value.GetRequiredService<TelegramWebhook>();

    /// <summary>WAHA's HMAC check and event parser.</summary>
    public WahaWebhookHandler Waha => _services.Value.GetRequiredService<WahaWebhookHandler>();

    public void Dispose()
    {
        if (_services.IsValueCreated)
        {
            _services.Value.Dispose();
        }
    }
}
