using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;

namespace Rizquna.Benchmarks.Lanes;

/// <summary>
/// A short in-process job: on this shared 2-core machine building the out-of-process boilerplate alone exceeds
/// BenchmarkDotNet's 2-minute build timeout. Each invocation is long (thousands of items), so few iterations suffice.
/// </summary>
public sealed class LanesBenchmarkConfig : ManualConfig
{
    public LanesBenchmarkConfig(int invocations)
    {
        AddJob(Job.Default
            .WithToolchain(new InProcessNoEmitToolchain(TimeSpan.FromMinutes(10), logOutput: false))
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(6)
            .WithInvocationCount(invocations)
            .WithUnrollFactor(1));
        AddDiagnoser(MemoryDiagnoser.Default);
    }

    public LanesBenchmarkConfig()
        : this(1)
    {
    }
}
