using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Rizquna.Benchmarks.Content;

namespace Rizquna.Benchmarks.Meta;

/// <summary>
/// In-process short jobs: wall time, and the benchmark thread's CPU time (<see cref="ThreadCpuClock"/>), which the
/// neighbours on the shared machine disturb far less. The fake handler completes synchronously, so the whole call runs
/// on the benchmark thread and its CPU time is the call's cost.
/// </summary>
internal sealed class MetaBenchmarkConfig : ManualConfig
{
    public MetaBenchmarkConfig()
    {
        var shortRun = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(15);
        AddJob(shortRun.WithId("WallClock"));
        AddJob(shortRun.WithClock(ThreadCpuClock.Instance).WithId("ThreadCpu"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(BenchmarkDotNet.Columns.StatisticColumn.Min, BenchmarkDotNet.Columns.StatisticColumn.Median);
    }
}
