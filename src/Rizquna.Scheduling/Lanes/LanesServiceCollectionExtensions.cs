using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rizquna.Scheduling;
using Rizquna.Scheduling.Autopost;
using Rizquna.Scheduling.Autopost.Storage;
using Rizquna.Scheduling.Autopost.Worker;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Lanes;
using Rizquna.Scheduling.Lanes.Folder;
using Rizquna.Scheduling.Lanes.Inbox;
using Rizquna.Scheduling.Lanes.Publishing;
using Rizquna.Scheduling.Lanes.Reply;
using Rizquna.Scheduling.Lanes.Reporting;
using Rizquna.Scheduling.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the three daily lanes and the autopost queue.</summary>
public static class LanesServiceCollectionExtensions
{
    /// <summary>
    /// Adds lanes A, B and C as <see cref="ILaneHandler"/>s for the kernel's engine (call <c>AddRizqunaScheduling</c> too),
    /// the inbox store (<see cref="IInboxStore"/>, the webhook ingest point), the post ledger, the folder content source,
    /// the rule-based reply policy and <see cref="DailyReportService"/>, bound from <paramref name="section"/>
    /// (usually <c>Rizquna:Lanes</c>, with sub-sections <c>Folder</c>, <c>Reply</c>, <c>ReportDelivery</c>) and validated on
    /// start. Stores follow the kernel's storage setting (SQLite file or in-memory). Safe to call twice.
    /// </summary>
    public static IServiceCollection AddRizqunaLanes(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        if (!services.Any(d => d.ServiceType == typeof(BoundLanesSection) && d.ImplementationInstance is BoundLanesSection b && b.Path == section.Path))
        {
            services.AddSingleton(new BoundLanesSection(section.Path));
            services.AddOptions<LanesOptions>().Bind(section);
            services.AddOptions<FolderContentOptions>().Bind(section.GetSection("Folder"));
            services.AddOptions<RuleBasedReplyOptions>().Bind(section.GetSection("Reply"));
            services.AddOptions<ReportDeliveryOptions>().Bind(section.GetSection("ReportDelivery"));
        }

        return services.AddRizqunaLanesCore();
    }

    /// <summary>
    /// Adds the lanes configured in code (see the other overload). Configure the folder, reply rules and report delivery
    /// with <c>services.Configure&lt;FolderContentOptions&gt;</c>, <c>&lt;RuleBasedReplyOptions&gt;</c>, <c>&lt;ReportDeliveryOptions&gt;</c>.
    /// </summary>
    public static IServiceCollection AddRizqunaLanes(this IServiceCollection services, Action<LanesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return services.AddRizqunaLanesCore();
    }

    /// <summary>
    /// Adds the autopost queue (<see cref="IAutopostQueue"/>), its store, <see cref="AutopostWorker"/> and the background
    /// <see cref="AutopostWorkerService"/>, bound from <paramref name="section"/> (usually <c>Rizquna:Autopost</c>) and
    /// validated on start. The store follows the kernel's storage setting. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddRizqunaAutopost(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        if (!services.Any(d => d.ServiceType == typeof(BoundAutopostSection) && d.ImplementationInstance is BoundAutopostSection b && b.Path == section.Path))
        {
            services.AddSingleton(new BoundAutopostSection(section.Path));
            services.AddOptions<AutopostOptions>().Bind(section);
        }

        return services.AddRizqunaAutopostCore();
    }

    /// <summary>Adds the autopost queue configured in code (see the other overload).</summary>
    public static IServiceCollection AddRizqunaAutopost(this IServiceCollection services, Action<AutopostOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return services.AddRizqunaAutopostCore();
    }

    private static IServiceCollection AddRizqunaLanesCore(this IServiceCollection services)
    {
        services.AddRizqunaContent();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<LanesOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FolderContentOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RuleBasedReplyOptions>().ValidateOnStart();
        services.AddOptions<ReportDeliveryOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RuleBasedReplyOptions>, RuleBasedReplyOptionsValidator>());

        services.TryAddSingleton<IInboxStore>(static sp => Storage(sp) is { } connection
            ? new SqliteInboxStore(connection, sp.GetRequiredService<TimeProvider>())
            : new InMemoryInboxStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IPostLedger>(static sp => Storage(sp) is { } connection ? new SqlitePostLedger(connection) : new InMemoryPostLedger());
        services.TryAddSingleton<IContentSource, FolderContentSource>();
        services.TryAddSingleton<IReplyPolicy, RuleBasedReplyPolicy>();
        services.TryAddSingleton(static sp => ActivatorUtilities.CreateInstance<DailyReportService>(sp, OptionalAutopostStore(sp)));

        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILaneHandler, ReplyLaneHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILaneHandler, PostLaneHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILaneHandler, ReportLaneHandler>());
        return services;
    }

    private static IServiceCollection AddRizqunaAutopostCore(this IServiceCollection services)
    {
        services.AddRizqunaContent();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AutopostOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AutopostOptions>, AutopostOptionsValidator>());
        services.TryAddSingleton<IAutopostStore>(static sp => Storage(sp) is { } connection
            ? new SqliteAutopostStore(connection, sp.GetRequiredService<IOptions<AutopostOptions>>().Value.SqliteSynchronous)
            : new InMemoryAutopostStore());
        services.TryAddSingleton<IAutopostQueue, AutopostQueue>();
        services.TryAddSingleton<AutopostWorker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Hosting.IHostedService, AutopostWorkerService>());
        return services;
    }

    /// <summary>The SQLite connection string of the kernel's storage setting, or null for in-memory storage.</summary>
    private static string? Storage(IServiceProvider services)
    {
        var storage = services.GetRequiredService<IOptions<SchedulingOptions>>().Value.Storage;
        return storage.Provider == StorageProvider.InMemory ? null : storage.ConnectionString ?? $"Data Source={storage.SqlitePath}";
    }

    private static object[] OptionalAutopostStore(IServiceProvider services) =>
        services.GetService<IAutopostStore>() is { } store ? [store] : [];

    private sealed record BoundLanesSection(string Path);

    private sealed record BoundAutopostSection(string Path);
}
