using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rizquna.Connectors.Meta.Graph;
using Rizquna.Http;

namespace Rizquna.Connectors.Meta;

/// <summary>Registers the Meta connector.</summary>
public static class MetaServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Meta connector with options bound from <paramref name="section"/> (usually <c>Rizquna:Meta</c>).
    /// Safe to call twice. Needs an <see cref="ICredentialProvider"/> registered by the host.
    /// </summary>
    public static IServiceCollection AddRizqunaMeta(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<MetaOptions>().Bind(section);
        return services.AddRizqunaMetaCore();
    }

    /// <summary>Adds the Meta connector, configured in code. Safe to call twice.</summary>
    public static IServiceCollection AddRizqunaMeta(this IServiceCollection services, Action<MetaOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<MetaOptions>().Configure(configure);
        return services.AddRizqunaMetaCore();
    }

    private static IServiceCollection AddRizqunaMetaCore(this IServiceCollection services)
    {
        if (services.Any(static d => d.ServiceType == typeof(MetaMarker)))
        {
            return services; // a second call only adds its configuration
        }

        services.AddSingleton<MetaMarker>();
        services.AddOptions<MetaOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetaOptions>, MetaOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPublishCheckpointStore, InMemoryPublishCheckpointStore>();
        services.TryAddSingleton<UsageTracker>();
        services.TryAddSingleton<AppSecretProofCache>();
        services.TryAddSingleton<GraphTargetCache>();
        services.AddHttpClient(GraphClient.HttpClientName, static (sp, client) =>
            {
                client.BaseAddress = OptionChecks.WithTrailingSlash(sp.GetRequiredService<IOptionsMonitor<MetaOptions>>().CurrentValue.BaseAddress);
                // Timeouts belong to the resilience pipeline (attempt and total), not to HttpClient.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The factory's request logging would print token-bearing query strings; GraphClient logs redacted lines itself.
            .RemoveAllLoggers()
            .AddRizqunaResilience(static sp => sp.GetRequiredService<IOptionsMonitor<MetaOptions>>().CurrentValue.Resilience);

        services.TryAddTransient(static sp => new GraphClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(GraphClient.HttpClientName),
            sp.GetRequiredService<ICredentialProvider>(),
            sp.GetRequiredService<UsageTracker>(),
            sp.GetRequiredService<IOptionsMonitor<MetaOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<GraphClient>>(),
            sp.GetRequiredService<AppSecretProofCache>(),
            sp.GetRequiredService<GraphTargetCache>()));

        MetaServiceRegistrations.Add(services);
        return services;
    }

    /// <summary>Marks that the HTTP client and connector services are registered (second calls only add configuration).</summary>
    private sealed class MetaMarker;
}
