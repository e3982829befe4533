using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Rizquna.Connectors.TikTok;

/// <summary>Registers the TikTok connector.</summary>
public static class TikTokServiceCollectionExtensions
{
    /// <summary>Adds the TikTok connector with settings bound from <paramref name="section"/> (usually <c>Rizquna:TikTok</c>).</summary>
    public static IServiceCollection AddRizqunaTikTok(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<TikTokOptions>().Bind(section);
        return services.AddTikTokCore();
    }

    /// <summary>Adds the TikTok connector with settings set by <paramref name="configure"/>.</summary>
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
        return services;
    }
}
