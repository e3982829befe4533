using BenchmarkDotNet.Attributes;
using Rizquna.Scheduling;
using Rizquna.Scheduling.Plans;

namespace Rizquna.Benchmarks.Scheduling;

/// <summary>
/// Plan generation (15,000 accounts → 30,001 jobs: a reply and a post job per account plus the report; the issue's
/// 10,000-account figure with its 30,001 jobs), fingerprinted, and the first due time of every job.
/// </summary>
[MemoryDiagnoser]
public class SchedulingPlanBenchmarks
{
    private SchedulingOptions _options = null!;
    private Plan _plan = null!;
    private TimeZoneInfo _zone = null!;
    private DateTimeOffset _now;
    private DateTimeOffset?[] _due = null!;

    [GlobalSetup]
    public void Setup()
    {
        _options = new SchedulingOptions { Providers = [new ProviderSettings { Platform = "instagram", AccountRange = "00001..15000" }] };
        // A 15,000-account stagger at 2 min would cross midnight: 5 s keeps the plan valid.
        _options.Lanes.PostStagger = TimeSpan.FromSeconds(5);
        var jobs = PlanGenerator.CreateJobs(_options);
        _plan = new Plan { Version = 1, CreatedAt = DateTimeOffset.UnixEpoch, CreatedBy = "bench", TimeZoneId = _options.TimeZone, Jobs = jobs, Fingerprint = PlanGenerator.Fingerprint(_options.TimeZone, jobs) };
        _zone = TimeZoneInfo.FindSystemTimeZoneById(_options.TimeZone);
        _now = new DateTimeOffset(2024, 6, 10, 0, 0, 0, TimeSpan.Zero);
        _due = new DateTimeOffset?[jobs.Count];
        if (jobs.Count != 30_001)
        {
            throw new InvalidOperationException($"expected 30,001 jobs, got {jobs.Count}");
        }
    }

    /// <summary>Settings → 30,001 job definitions plus the plan fingerprint.</summary>
    [Benchmark]
    public string GeneratePlan30001Jobs()
    {
        var jobs = PlanGenerator.CreateJobs(_options);
        return PlanGenerator.Fingerprint(_options.TimeZone, jobs);
    }

    /// <summary>
    /// The next-due computation itself: the first due instant of each of the 30,001 jobs, into a buffer. The issue's
    /// ≤ 10 ms target. (Until 2026-12-03 18:00 this benchmark measured the whole seed list below.)
    /// </summary>
    [Benchmark]
    public DateTimeOffset? NextDueFor30001Jobs()
    {
        PlanManager.NextDue(_plan.Jobs, _zone, _now, _due);
        return _due[^1];
    }

    /// <summary>What the store is seeded with: the next-due computation plus a seed (name, account text, flag) per job.</summary>
    [Benchmark]
    public int SeedsFor30001Jobs() => PlanManager.CreateSeeds(_plan, null, _zone, _now).Count;
}
