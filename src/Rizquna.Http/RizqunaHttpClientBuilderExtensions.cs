using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rizquna.Http;

/// <summary>Registers the resilience handler on a connector's named or typed <see cref="HttpClient"/>.</summary>
public static class RizqunaHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="ResilienceHandler"/> with the settings <paramref name="settings"/> returns (read once per handler
    /// lifetime). Time comes from the registered <see cref="TimeProvider"/>, or the system clock.
    /// </summary>
    public static IHttpClientBuilder AddRizqunaResilience(this IHttpClientBuilder builder, Func<IServiceProvider, ResilienceSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        // One pipeline registry per client name, shared across handler rotations: circuit state survives them.
        builder.Services.TryAddKeyedSingleton(builder.Name, static (_, _) => new ResiliencePipelineCache());
        return builder.AddHttpMessageHandler(sp => new ResilienceHandler(
            settings(sp),
            sp.GetService<TimeProvider>(),
            sp.GetRequiredKeyedService<ResiliencePipelineCache>(builder.Name)));
    }
}
