using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rizquna.Scheduling.Approvals;
using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Storage;
using Rizquna.Scheduling.Storage.InMemory;
using Rizquna.Testing;

namespace Rizquna.Scheduling.Tests.Support;

/// <summary>The kernel composed through DI with a manual clock; drives ticks without real waiting.</summary>
internal sealed class KernelHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public KernelHarness(DateTimeOffset start, Action<SchedulingOptions> configure, Action<IServiceCollection>? services = null, object? store = null, ManualTimeProvider? clock = null)
    {
        Clock = clock ?? new ManualTimeProvider(start);
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddSingleton<IReporter>(Reporter);
        var theStore = store ?? new InMemorySchedulingStore();
        collection.AddSingleton((IPlanStore)theStore);
        collection.AddSingleton((IJobStore)theStore);
        collection.AddSingleton((IAuditLog)theStore);
        collection.AddSingleton((IApprovalStore)theStore);
        collection.AddSingleton((ICursorStore)theStore);
        collection.AddSingleton((IAccountHealthStore)theStore);
        services?.Invoke(collection);
        collection.AddRizqunaScheduling(o =>
        {
            o.Storage.Provider = StorageProvider.InMemory;
            configure(o);
        });
        _provider = collection.BuildServiceProvider();
        Store = theStore;
    }

    public ManualTimeProvider Clock { get; }

    public RecordingReporter Reporter { get; } = new();

    public object Store { get; }

    public IServiceProvider Services => _provider;

    public SchedulerEngine Engine => _provider.GetRequiredService<SchedulerEngine>();

    public PlanManager Plans => _provider.GetRequiredService<PlanManager>();

    public ApprovalService Approvals => _provider.GetRequiredService<ApprovalService>();

    public IJobStore Jobs => _provider.GetRequiredService<IJobStore>();

    public IAuditLog Audit => _provider.GetRequiredService<IAuditLog>();

    public SchedulingOptions Options => _provider.GetRequiredService<IOptionsMonitor<SchedulingOptions>>().CurrentValue;

    /// <summary>Ticks at every due instant up to <paramref name="until"/>, calling <paramref name="before"/> before each tick.</summary>
    public async Task RunUntilAsync(DateTimeOffset until, Func<DateTimeOffset, Task>? before = null)
    {
        await Engine.RunDueAsync();
        while (true)
        {
            var next = await Jobs.GetNextDueAsync();
            if (next is not { } n || n > until)
            {
                Clock.AdvanceTo(until);
                return;
            }

            if (n > Clock.GetUtcNow())
            {
                Clock.AdvanceTo(n);
            }

            if (before is not null)
            {
                await before(Clock.GetUtcNow());
            }

            await Engine.RunDueAsync();
        }
    }

    public async Task<List<Runs.RunRecord>> RunsAsync(Runs.RunQuery? query = null)
    {
        var all = new List<Runs.RunRecord>();
        var q = query ?? new Runs.RunQuery();
        q = q with { Limit = 10_000 };
        while (true)
        {
            var page = await Jobs.QueryRunsAsync(q);
            all.AddRange(page.Items);
            if (page.NextAfter is not { } after)
            {
                return all;
            }

            q = q with { AfterId = after };
        }
    }

    public async Task<List<AuditEvent>> EventsAsync(AuditQuery? query = null)
    {
        var all = new List<AuditEvent>();
        var q = (query ?? new AuditQuery()) with { Limit = 10_000 };
        while (true)
        {
            var page = await Audit.QueryAsync(q);
            all.AddRange(page.Items);
            if (page.NextAfter is not { } after)
            {
                return all;
            }

            q = q with { AfterId = after };
        }
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
