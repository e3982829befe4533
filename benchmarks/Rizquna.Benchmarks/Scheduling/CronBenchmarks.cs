using BenchmarkDotNet.Attributes;
using Quartz;
using Rizquna.Scheduling.Triggers;

namespace Rizquna.Benchmarks.Scheduling;

/// <summary>One cron next-occurrence: the kernel's wrapper against the bare Quartz 4.7.3 call, same expression and zone.</summary>
[MemoryDiagnoser]
public class SchedulingCronBenchmarks
{
    private CronExpression _quartz = null!;
    private ICronSchedule _wrapper = null!;
    private ICronSchedule _wrapperNewYork = null!;
    private DateTimeOffset _at;

    [GlobalSetup]
    public void Setup()
    {
        var jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        _quartz = CronExpression.Parse("0 8 * * *", CronFormat.Unix).WithTimeZone(jakarta);
        _wrapper = QuartzCronSchedule.TryParse("0 8 * * *", jakarta, out _)!;
        _wrapperNewYork = QuartzCronSchedule.TryParse("0 8 * * *", TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), out _)!;
        _at = new DateTimeOffset(2024, 6, 10, 3, 17, 0, TimeSpan.Zero);
    }

    [Benchmark(Baseline = true)]
    public DateTimeOffset? BareQuartz() => _quartz.GetNextValidTimeAfter(_at);

    [Benchmark]
    public DateTimeOffset? KernelCron() => _wrapper.GetNextAfter(_at);

    [Benchmark]
    public DateTimeOffset? KernelCronDstZone() => _wrapperNewYork.GetNextAfter(_at);
}
