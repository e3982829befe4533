using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rizquna.Http;

namespace Rizquna.Connectors.TikTok;

/// <summary>Registers the TikTok connector.</summary>
public static class TikTokServiceCollectionExtensions
{
    /// <summary>
    /// Adds the TikTok connector with settings bound from <paramref name="section"/> (usually <c>Rizquna:TikTok</c>).
    /// Registers <see cref="IPublisher"/>, <see cref="IPublishReconciler"/> and <see cref="ITokenInspector"/> (also keyed by
    /// <c>tiktok</c>). Needs an <see cref="ICredentialStore"/>: refreshed tokens are persisted through it.
    /// </summary>
    public static IServiceCollection AddRizqunaTikTok(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<TikTokOptions>().Bind(section);
        return services.AddTikTokCore();
    }

    /// <summary>Adds the TikTok connector with settings set by <paramref name="configure"/>; see the other overload.</summary>
    public static IServiceCollection AddRizqunaTikTok(this IServiceCollection services, Action<TikTokOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TikTokOptions>().Configure(configure);
        return services.AddTikTokCore();
    }

    private static IServiceCollection AddTikTokCore(this IServiceCollection services)
    {
        services.AddOptions<TikTokOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TikTokOptions>, TikTokOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        if (services.Any(static d => d.ServiceType == typeof(TikTokPublisher)))
        {
            return services; // Called before: options are layered above, the rest is registered once.
        }

        services.AddHttpClient(TikTokHttp.ApiClient, static (sp, http) =>
            {
                http.BaseAddress = OptionChecks.WithTrailingSlash(sp.GetRequiredService<IOptions<TikTokOptions>>().Value.BaseAddress!);
                http.Timeout = Timeout.InfiniteTimeSpan; // The resilience handler owns timeouts.
            })
            .AddRizqunaResilience(static sp => sp.GetRequiredService<IOptions<TikTokOptions>>().Value.Resilience);
        services.AddHttpClient(TikTokHttp.UploadClient, static http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddRizqunaResilience(static sp => sp.GetRequiredService<IOptions<TikTokOptions>>().Value.UploadResilience);

        services.TryAddSingleton(static sp => new TikTokErrorMapper(sp.GetRequiredService<IOptions<TikTokOptions>>().Value));
        services.TryAddSingleton<TikTokOAuthClient>();
        services.TryAddSingleton(static sp => new TikTokTokenManager(
            sp.GetService<ICredentialStore>() ?? throw new InvalidOperationException(
                "The TikTok connector needs an ICredentialStore registered: TikTok rotates refresh tokens, and each new one must be persisted."),
            sp.GetRequiredService<TikTokOAuthClient>(),
            sp.GetRequiredService<IOptions<TikTokOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<TikTokTokenManager>>()));
        services.TryAddSingleton<TikTokApiClient>();
        services.TryAddSingleton<ChunkUploader>();
        services.TryAddSingleton<StatusPoller>();
        services.TryAddSingleton(static sp => new TikTokCheckpoints(
            sp.GetService<IPublishCheckpointStore>() ?? new InMemoryPublishCheckpointStore()));
        services.TryAddSingleton<TikTokPublisher>(); // IMediaHost is optional: used when registered.
        services.TryAddSingleton<TikTokReconciler>();
        services.TryAddSingleton<TikTokTokenInspector>();

        services.AddSingleton<IPublisher>(static sp => sp.GetRequiredService<TikTokPublisher>());
        services.AddSingleton<IPublishReconciler>(static sp => sp.GetRequiredService<TikTokReconciler>());
        services.AddSingleton<ITokenInspector>(static sp => sp.GetRequiredService<TikTokTokenInspector>());
        var key = PlatformId.TikTok.Value;
        services.TryAddKeyedSingleton<IPublisher>(key, static (sp, _) => sp.GetRequiredService<TikTokPublisher>());
        services.TryAddKeyedSingleton<IPublishReconciler>(key, static (sp, _) => sp.GetRequiredService<TikTokReconciler>());
        services.TryAddKeyedSingleton<ITokenInspector>(key, static (sp, _) => sp.GetRequiredService<TikTokTokenInspector>());
        return services;
    }
}
