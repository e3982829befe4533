using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;

namespace Rizquna.Benchmarks.Shared;

/// <summary>
/// A paired measurement for a noisy shared machine: short rounds of each path alternate (the order rotates every round),
/// so load swings hit every path alike; BenchmarkDotNet runs benchmarks one after another, and on a machine whose load
/// swings by minutes its separate means mislead. Per path it reports the per-call wall time at the 10th percentile of
/// rounds (a preempted round is only ever slower, so the low percentiles are the least-disturbed estimates), the median,
/// the median of the thread's CPU time (<see cref="ThreadCpuClock"/>: time spent waiting for a core is not counted), and
/// the bytes allocated per call.
/// </summary>
/// <remarks>
/// Calls run synchronously on the calling thread (an in-process handler completes them without yielding), so the thread
/// CPU clock sees all of their work. A call that does yield is waited for; its CPU time on other threads is then missed.
/// </remarks>
public static class PairedRatio
{
    /// <summary>One path to measure.</summary>
    public sealed record Path(string Name, Func<Task> Call);

    /// <summary>Per-call figures of one path.</summary>
    public sealed record PathFigures(string Name, double WallP10Us, double WallMedianUs, double CpuMedianUs, long BytesPerCall);

    /// <summary>The figures of every path; the first path is the baseline.</summary>
    public sealed record Result(IReadOnlyList<PathFigures> Paths, int Rounds, int CallsPerRound)
    {
        /// <summary>The baseline (first) path.</summary>
        public PathFigures Baseline => Paths[0];

        /// <summary>A Markdown table: one row per path, with its ratios to the baseline.</summary>
        public string ToMarkdown()
        {
            var text = new StringBuilder()
                .AppendLine("| path | wall p10 | wall median | CPU median | ratio p10 | ratio CPU | bytes/call |")
                .AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var p in Paths)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {p.Name} | {p.WallP10Us:F2} µs | {p.WallMedianUs:F2} µs | {p.CpuMedianUs:F2} µs | {p.WallP10Us / Baseline.WallP10Us:F2} | {p.CpuMedianUs / Baseline.CpuMedianUs:F2} | {p.BytesPerCall:N0} |");
            }

            return text.ToString();
        }
    }

    /// <summary>
    /// Warms every path up until the JIT is quiet, then runs <paramref name="rounds"/> rounds of <paramref name="callsPerRound"/>
    /// calls on each.
    /// </summary>
    public static Result Run(IReadOnlyList<Path> paths, int rounds = 1_000, int callsPerRound = 20, int warmupCalls = 5_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(paths.Count, 1);
        WarmUntilJitIsQuiet(paths, warmupCalls);

        var wall = paths.Select(_ => new double[rounds]).ToArray();
        var cpu = paths.Select(_ => new double[rounds]).ToArray();
        for (var r = 0; r < rounds; r++)
        {
            for (var k = 0; k < paths.Count; k++)
            {
                var p = (r + k) % paths.Count; // rotate the order: no path always runs right after another
                var call = paths[p].Call;
                var cpuStart = ThreadCpuClock.Instance.GetTimestamp();
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < callsPerRound; i++)
                {
                    Wait(call());
                }

                wall[p][r] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / callsPerRound;
                cpu[p][r] = (ThreadCpuClock.Instance.GetTimestamp() - cpuStart) / 1_000d / callsPerRound;
            }
        }

        var figures = new List<PathFigures>(paths.Count);
        for (var p = 0; p < paths.Count; p++)
        {
            Array.Sort(wall[p]);
            Array.Sort(cpu[p]);
            figures.Add(new PathFigures(paths[p].Name, wall[p][rounds / 10], wall[p][rounds / 2], cpu[p][rounds / 2], BytesPerCall(paths[p].Call)));
        }

        return new Result(figures, rounds, callsPerRound);
    }

    /// <summary>
    /// Tiered compilation promotes hot methods to optimised (PGO) code in the background some time after their first calls;
    /// a fixed number of warm-up calls ended before that on this machine, and rounds measured half in tier-0 code made the
    /// medians twice the 10th percentiles. So warm-up goes on until no method has been compiled for a second (at most 60 s).
    /// </summary>
    private static void WarmUntilJitIsQuiet(IReadOnlyList<Path> paths, int minimumCalls)
    {
        var quietFor = TimeSpan.FromSeconds(1);
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60;
        var compiled = JitInfo.GetCompiledMethodCount();
        var lastChange = Stopwatch.GetTimestamp();
        for (var calls = 0; ; calls++)
        {
            foreach (var path in paths)
            {
                Wait(path.Call());
            }

            if (calls < minimumCalls || calls % 100 != 0)
            {
                continue;
            }

            var now = Stopwatch.GetTimestamp();
            var count = JitInfo.GetCompiledMethodCount();
            if (count != compiled)
            {
                (compiled, lastChange) = (count, now);
            }
            else if (Stopwatch.GetElapsedTime(lastChange, now) >= quietFor || now > deadline)
            {
                return;
            }
        }
    }

    private static void Wait(Task task)
    {
        if (!task.IsCompletedSuccessfully)
        {
            task.GetAwaiter().GetResult();
        }
    }

    private static long BytesPerCall(Func<Task> call)
    {
        const int calls = 1_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            Wait(call());
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / calls;
    }
}
