namespace Rizquna.SampleHost.Composition;

/// <summary>
/// The lanes (A/B/C handlers, inbox store, post ledger, daily report) and the autopost queue with its worker, from the
/// lanes' own DI entry points, over the kernel's storage settings (the host's SQLite file). The host keeps no queue.
/// </summary>
internal static class LanesComposition
{
    public static IServiceCollection AddLanesAndQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRizqunaLanes(configuration.GetSection("Rizquna:Lanes"));
        services.AddRizqunaAutopost(configuration.GetSection("Rizquna:Autopost"));
        return services;
    }
}
