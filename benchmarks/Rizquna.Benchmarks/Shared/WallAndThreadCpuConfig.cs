using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Rizquna.Benchmarks.Shared;

/// <summary>
/// Two short in-process jobs over the same benchmarks: wall time (what BenchmarkDotNet normally reports) and the
/// benchmark thread's CPU time (<see cref="ThreadCpuClock"/>), which neighbours on the shared machine disturb far less.
/// In-process because building the generated project times out on this machine.
/// </summary>
internal abstract class WallAndThreadCpuConfig : ManualConfig
{
    protected WallAndThreadCpuConfig(int warmupCount, int iterationCount)
    {
        var shortRun = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(warmupCount).WithIterationCount(iterationCount);
        AddJob(shortRun.WithId("WallClock"));
        AddJob(shortRun.WithClock(ThreadCpuClock.Instance).WithId("ThreadCpu"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
