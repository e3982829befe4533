using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Rizquna.Benchmarks.Content;

/// <summary>
/// Two short in-process jobs over the same benchmarks: wall time (what BenchmarkDotNet normally reports) and the
/// benchmark thread's CPU time (<see cref="ThreadCpuClock"/>), because the machine is heavily shared. In-process because
/// building the generated project timed out under the same load.
/// </summary>
internal sealed class ContentBenchmarkConfig : ManualConfig
{
    public ContentBenchmarkConfig()
    {
        var shortRun = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(6);
        AddJob(shortRun.WithId("WallClock"));
        AddJob(shortRun.WithClock(ThreadCpuClock.Instance).WithId("ThreadCpu"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
