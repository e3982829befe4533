using Microsoft.Extensions.DependencyInjection.Extensions;
using Rizquna.Scheduling.Autopost;
using Rizquna.Scheduling.Autopost.Storage;
using Rizquna.SampleHost.Storage;

namespace Rizquna.SampleHost.Composition;

/// <summary>
/// Wires the lanes' autopost queue over the host's SQLite file. (Replace with the lanes' own DI entry point once it
/// exists; the host never keeps a queue of its own.)
/// </summary>
internal static class LanesComposition
{
    public static IServiceCollection AddAutopostQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AutopostOptions>().Bind(configuration.GetSection("Rizquna:Autopost")).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IAutopostStore>(static sp => new SqliteAutopostStore(sp.GetRequiredService<HostDatabase>().ConnectionString));
        services.TryAddSingleton<IAutopostQueue, AutopostQueue>();
        return services;
    }
}
