using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace Rizquna.Benchmarks.Shared;

/// <summary>
/// A BenchmarkDotNet clock that reads the benchmark thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>) instead of
/// wall time. On the shared build machine (load average far above its two cores) wall time is mostly time spent waiting
/// for a core; CPU time is what the code itself costs. It still includes cache and TLB damage done by the neighbours.
/// </summary>
internal sealed class ThreadCpuClock : IClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static ThreadCpuClock Instance { get; } = new();

    public string Title => "Thread CPU time";

    public bool IsAvailable => OperatingSystem.IsLinux() && clock_gettime(ClockThreadCpuTimeId, out _) == 0;

    public Frequency Frequency => new(1_000_000_000d);

    public long GetTimestamp()
    {
        clock_gettime(ClockThreadCpuTimeId, out var time);
        return time.Seconds * 1_000_000_000L + time.Nanoseconds;
    }

    // DllImport rather than LibraryImport: the latter needs unsafe code enabled in the shared benchmark project.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
