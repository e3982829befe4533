using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rizquna;
using Rizquna.Scheduling;
using Rizquna.Scheduling.Approvals;
using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Hosting;
using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Policies;
using Rizquna.Scheduling.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the scheduling kernel.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the kernel (plan manager, engine as a hosted service, stores, retry/cooldown/approval policies, audit log)
    /// bound to <paramref name="configuration"/> (e.g. the <c>Rizquna:Scheduling</c> section), validated on start.
    /// Safe to call twice. Stores, the approval policy and the retry policy registered before are kept.
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
        services.TryAddSingleton<SchedulerSignal>();

        // One store object implements every store interface; a host may register its own for any of them first.
        services.TryAddSingleton(static sp => SchedulingStoreFactory.Create(sp.GetRequiredService<IOptions<SchedulingOptions>>().Value.Storage));
        services.TryAddSingleton<IPlanStore>(static sp => (IPlanStore)sp.GetRequiredService<SchedulingStore>().Instance);
        services.TryAddSingleton<IJobStore>(static sp => (IJobStore)sp.GetRequiredService<SchedulingStore>().Instance);
        services.TryAddSingleton<IAuditLog>(static sp => (IAuditLog)sp.GetRequiredService<SchedulingStore>().Instance);
        services.TryAddSingleton<IApprovalStore>(static sp => (IApprovalStore)sp.GetRequiredService<SchedulingStore>().Instance);
        services.TryAddSingleton<ICursorStore>(static sp => (ICursorStore)sp.GetRequiredService<SchedulingStore>().Instance);
        services.TryAddSingleton<IAccountHealthStore>(static sp => (IAccountHealthStore)sp.GetRequiredService<SchedulingStore>().Instance);

        services.TryAddSingleton(static sp => new RetryPolicy(sp.GetRequiredService<IOptions<SchedulingOptions>>().Value.Retry));
        services.TryAddSingleton(static sp => new CooldownPolicy(sp.GetRequiredService<IOptions<SchedulingOptions>>().Value.Cooldown));
        services.TryAddSingleton<IApprovalPolicy, ConfiguredApprovalPolicy>();
        services.TryAddSingleton(static sp => new ApprovalService(
            sp.GetRequiredService<IApprovalStore>(),
            sp.GetRequiredService<IApprovalPolicy>(),
            sp.GetRequiredService<IAuditLog>(),
            sp.GetRequiredService<IJobStore>(),
            sp.GetRequiredService<IOptionsMonitor<SchedulingOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<SchedulerSignal>()));
        services.TryAddSingleton<IApprovalGate>(static sp => sp.GetRequiredService<ApprovalService>());
        services.TryAddSingleton(static sp => new PlanManager(
            sp.GetRequiredService<IPlanStore>(),
            sp.GetRequiredService<IJobStore>(),
            sp.GetRequiredService<IAuditLog>(),
            sp.GetRequiredService<IOptionsMonitor<SchedulingOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<SchedulerSignal>()));
        services.TryAddSingleton(static sp => new SchedulerEngine(
            sp.GetRequiredService<IPlanStore>(),
            sp.GetRequiredService<IJobStore>(),
            sp.GetRequiredService<IAccountHealthStore>(),
            sp.GetRequiredService<ApprovalService>(),
            sp.GetRequiredService<PlanManager>(),
            sp.GetServices<ILaneHandler>(),
            sp.GetServices<IReporter>(),
            sp.GetService<ICredentialProvider>(),
            sp.GetRequiredService<IOptionsMonitor<SchedulingOptions>>(),
            sp.GetRequiredService<RetryPolicy>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<SchedulerSignal>(),
            sp.GetService<ILogger<SchedulerEngine>>() ?? NullLogger<SchedulerEngine>.Instance));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SchedulerEngineHostedService>());
        return services;
    }
}
