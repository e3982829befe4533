using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rizquna.Connectors.Waha.Api;
using Rizquna.Connectors.Waha.Inbox;
using Rizquna.Connectors.Waha.Publishing;
using Rizquna.Connectors.Waha.Reporting;
using Rizquna.Connectors.Waha.Sessions;
using Rizquna.Http;

namespace Rizquna.Connectors.Waha;

/// <summary>Registers the WAHA (WhatsApp) connector.</summary>
public static class WahaServiceCollectionExtensions
{
    /// <summary>
    /// Adds the connector with settings bound from <paramref name="section"/> (usually <c>Rizquna:Waha</c>). Safe to call twice.
    /// </summary>
    public static IServiceCollection AddRizqunaWaha(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<WahaOptions>().Bind(section);
        return AddCore(services);
    }

    /// <summary>Adds the connector with settings set in code. Safe to call twice.</summary>
    public static IServiceCollection AddRizqunaWaha(this IServiceCollection services, Action<WahaOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<WahaOptions>().Configure(configure);
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.AddOptions<WahaOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WahaOptions>, WahaOptionsValidator>());

        if (services.Any(static d => d.ServiceType == typeof(WahaClient)))
        {
            return services; // the HTTP client and services are registered once; options above may be layered
        }

        services.AddHttpClient(WahaClient.HttpClientName, static (sp, client) =>
            {
                var options = sp.GetRequiredService<IOptionsMonitor<WahaOptions>>().CurrentValue;
                client.BaseAddress = OptionChecks.WithTrailingSlash(options.BaseAddress!);
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler owns timeouts
            })
            // The factory's default request logging is removed: WahaLog records failures without URLs or headers, so the
            // X-Api-Key cannot reach a log through a changed redaction setting.
            .RemoveAllLoggers()
            .AddRizqunaResilience(static sp => sp.GetRequiredService<IOptionsMonitor<WahaOptions>>().CurrentValue.Resilience);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WahaSessionMonitor>(static sp => new WahaSessionMonitor(
            sp.GetRequiredService<IOptionsMonitor<WahaOptions>>(), sp.GetService<TimeProvider>(), sp,
            sp.GetService<Microsoft.Extensions.Logging.ILogger<WahaSessionMonitor>>()));
        services.TryAddSingleton<WahaClient>(static sp => new WahaClient(
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<IOptionsMonitor<WahaOptions>>(),
            sp.GetRequiredService<WahaSessionMonitor>(), sp.GetService<TimeProvider>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<WahaClient>>(),
            sp.GetService<IOptionsMonitor<Microsoft.Extensions.Http.HttpClientFactoryOptions>>()));
        services.TryAddSingleton<WahaPublisher>();
        services.TryAddSingleton<WahaInboxResponder>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPublisher, WahaPublisher>(static sp => sp.GetRequiredService<WahaPublisher>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInboxResponder, WahaInboxResponder>(static sp => sp.GetRequiredService<WahaInboxResponder>()));
        services.TryAddSingleton<WahaSessionInspector>();
        services.TryAddSingleton<WahaSeenMessages>();
        services.TryAddSingleton<WahaReporter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReporter, WahaReporter>(static sp => sp.GetRequiredService<WahaReporter>()));
        services.TryAddSingleton<WahaInboxPoller>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInboxPoller, WahaInboxPoller>(static sp => sp.GetRequiredService<WahaInboxPoller>()));
        services.TryAddSingleton<WahaWebhookHandler>(static sp => new WahaWebhookHandler(
            sp.GetRequiredService<IOptionsMonitor<WahaOptions>>(), sp.GetRequiredService<WahaSeenMessages>(),
            sp.GetRequiredService<WahaSessionMonitor>(), sp.GetService<Microsoft.Extensions.Logging.ILogger<WahaWebhookHandler>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITokenInspector, WahaSessionInspector>(static sp => sp.GetRequiredService<WahaSessionInspector>()));
        return services;
    }
}
