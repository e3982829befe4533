using BenchmarkDotNet.Columns;
using Rizquna.Benchmarks.Shared;

namespace Rizquna.Benchmarks.Meta;

/// <summary>
/// Wall and thread-CPU jobs (<see cref="WallAndThreadCpuConfig"/>), 5 warm-up and 15 measured iterations, with Min and
/// Median. The fake handler completes synchronously, so the whole call runs on the benchmark thread and its CPU time is
/// the call's cost.
/// </summary>
internal sealed class MetaBenchmarkConfig : WallAndThreadCpuConfig
{
    public MetaBenchmarkConfig()
        : base(warmupCount: 5, iterationCount: 15) =>
        AddColumn(StatisticColumn.Min, StatisticColumn.Median);
}
