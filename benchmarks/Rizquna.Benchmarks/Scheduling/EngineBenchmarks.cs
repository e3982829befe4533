using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Rizquna.Scheduling;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Storage;
using Rizquna.Scheduling.Storage.Sqlite;

namespace Rizquna.Benchmarks.Scheduling;

/// <summary>
/// Engine throughput with no-op handlers: N reply jobs due every 60 s; one operation advances the clock a minute and
/// runs one engine tick (claims in batches, runs, records every run and its audit events). Reported per run.
/// </summary>
[MemoryDiagnoser]
public class SchedulingEngineBenchmarks
{
    private const int InMemoryJobs = 20_000;
    private const int SqliteJobs = 5_000;
    private ServiceProvider _memory = null!;
    private ServiceProvider _memoryRecent = null!;
    private BenchClock _memoryRecentClock = null!;
    private SchedulerEngine _memoryRecentEngine = null!;
    private ServiceProvider _sqlite = null!;
    private BenchClock _memoryClock = null!;
    private BenchClock _sqliteClock = null!;
    private SchedulerEngine _memoryEngine = null!;
    private SchedulerEngine _sqliteEngine = null!;
    private string _dir = null!;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2024, 6, 10, 0, 0, 30, TimeSpan.Zero);
        (_memory, _memoryClock, _memoryEngine) = Build(start, InMemoryJobs, o => o.Storage.Provider = StorageProvider.InMemory);
        (_memoryRecent, _memoryRecentClock, _memoryRecentEngine) = Build(start, InMemoryJobs, o =>
        {
            o.Storage.Provider = StorageProvider.InMemory;
            o.Storage.InMemoryMaxRecords = 50_000;
        });
        _dir = Directory.CreateTempSubdirectory("rz-bench-").FullName;
        var path = Path.Combine(_dir, "engine.db");
        (_sqlite, _sqliteClock, _sqliteEngine) = Build(start, SqliteJobs, o =>
        {
            o.Storage.Provider = StorageProvider.Sqlite;
            o.Storage.SqlitePath = path;
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _memory.Dispose();
        _memoryRecent.Dispose();
        _sqlite.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = InMemoryJobs)]
    public int InMemoryRuns()
    {
        _memoryClock.Now = _memoryClock.Now.AddMinutes(1);
        return Check(_memoryEngine.RunDueAsync().GetAwaiter().GetResult(), InMemoryJobs);
    }

    /// <summary>The same with the in-memory store keeping only the latest 50,000 runs and events (less retained garbage).</summary>
    [Benchmark(OperationsPerInvoke = InMemoryJobs)]
    public int InMemoryRunsKeepLatest50k()
    {
        _memoryRecentClock.Now = _memoryRecentClock.Now.AddMinutes(1);
        return Check(_memoryRecentEngine.RunDueAsync().GetAwaiter().GetResult(), InMemoryJobs);
    }

    [Benchmark(OperationsPerInvoke = SqliteJobs)]
    public int SqliteRuns()
    {
        _sqliteClock.Now = _sqliteClock.Now.AddMinutes(1);
        return Check(_sqliteEngine.RunDueAsync().GetAwaiter().GetResult(), SqliteJobs);
    }

    private static int Check(int runs, int expected) =>
        runs == expected ? runs : throw new InvalidOperationException($"expected {expected} runs, got {runs}");

    private static (ServiceProvider, BenchClock, SchedulerEngine) Build(DateTimeOffset start, int accounts, Action<SchedulingOptions> storage)
    {
        var clock = new BenchClock(start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<ILaneHandler>(new NoOpHandler(LaneKind.Reply));
        services.AddRizqunaScheduling(o =>
        {
            o.Providers = [new ProviderSettings { Platform = "instagram", AccountRange = $"{1:D5}..{accounts:D5}" }];
            o.Lanes.PostEnabled = false;
            o.Lanes.ReportEnabled = false;
            o.Engine.ClaimBatchSize = 1024;
            o.Storage.InMemoryMaxRecords = 1_000_000;
            storage(o);
        });
        var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<SchedulerEngine>();
        engine.RunDueAsync().GetAwaiter().GetResult(); // generates the plan; the first replies are due at the next minute
        return (provider, clock, engine);
    }
}
