using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rizquna.Scheduling;
using Rizquna.Scheduling.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the scheduling kernel.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the kernel (plan manager, engine as a hosted service, stores, retry/cooldown/approval policies, audit log)
    /// bound to <paramref name="configuration"/> (e.g. the <c>Rizquna:Scheduling</c> section), validated on start.
    /// Safe to call twice.
    /// </summary>
    public static IServiceCollection AddRizqunaScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SchedulingOptions>().Bind(configuration);
        return services.AddRizqunaSchedulingCore();
    }

    /// <summary>Adds the kernel configured by <paramref name="configure"/>, validated on start. Safe to call twice.</summary>
    public static IServiceCollection AddRizqunaScheduling(this IServiceCollection services, Action<SchedulingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SchedulingOptions>().Configure(configure);
        return services.AddRizqunaSchedulingCore();
    }

    private static IServiceCollection AddRizqunaSchedulingCore(this IServiceCollection services)
    {
        services.AddOptions<SchedulingOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
