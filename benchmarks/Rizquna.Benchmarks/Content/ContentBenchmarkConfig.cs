using Rizquna.Benchmarks.Shared;

namespace Rizquna.Benchmarks.Content;

/// <summary>Wall and thread-CPU jobs (<see cref="WallAndThreadCpuConfig"/>): 3 warm-up and 6 measured iterations.</summary>
internal sealed class ContentBenchmarkConfig() : WallAndThreadCpuConfig(warmupCount: 3, iterationCount: 6);
