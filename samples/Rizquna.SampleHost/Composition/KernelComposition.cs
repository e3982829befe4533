using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rizquna.Content;
using Rizquna.Scheduling;
using Rizquna.SampleHost.Autopost;
using Rizquna.SampleHost.Clicks;
using Rizquna.SampleHost.Configuration;
using Rizquna.SampleHost.Plans;
using Rizquna.SampleHost.Storage;

namespace Rizquna.SampleHost.Composition;

/// <summary>The kernel (plans, engine, approvals, audit) and the content services, over the host's SQLite file.</summary>
internal static class KernelComposition
{
    public static IServiceCollection AddKernel(this IServiceCollection services, IConfiguration configuration)
    {
        // Self-hosted short links win over Bitly when on and no Bitly token is set (registered first: TryAdd keeps it).
        if (configuration.GetValue("Rizquna:Host:SelfHostedShortLinks", true) && string.IsNullOrEmpty(configuration["Rizquna:Content:Bitly:AccessToken"]))
        {
            services.TryAddTransient<IUrlShortener, SelfHostedShortener>();
        }

        services.AddRizqunaContent(configuration.GetSection("Rizquna:Content"));
        services.AddRizqunaScheduling(configuration.GetSection(SchedulingOptions.SectionName));
        services.AddOptions<SchedulingOptions>().PostConfigure<IOptions<SampleHostOptions>>(static (options, host) =>
        {
            // One file for everything unless the operator chose another.
            if (string.IsNullOrEmpty(options.Storage.ConnectionString) && options.Storage.SqlitePath == "rizquna-scheduling.db")
            {
                options.Storage.SqlitePath = host.Value.DatabasePath;
            }

            // A fresh machine has no data/ folder yet; the kernel's store opens the file before the host's migrations run.
            if (string.IsNullOrEmpty(options.Storage.ConnectionString) && Path.GetDirectoryName(Path.GetFullPath(options.Storage.SqlitePath)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
        });
        services.AddHostedService<PlanBootstrap>();
        services.AddSingleton<PostEventEmitter>();
        services.AddHostedService<PostEventService>();
        services.AddSingleton<IReporter, Events.EventReporter>();
        return services;
    }
}
