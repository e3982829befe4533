using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Triggers;

namespace Rizquna.Scheduling.Tests.Plans;

/// <summary>The shared occurrence walk used for staggered jobs gives each job the first due time its own trigger gives.</summary>
public sealed class SeedWalkTests
{
    [Theory]
    [InlineData("Asia/Jakarta", "0 8 * * *", 2024, 6, 10, 0)]
    [InlineData("Asia/Jakarta", "*/5 * * * *", 2024, 6, 10, 3)]
    [InlineData("America/New_York", "30 1 * * *", 2024, 11, 3, 6)]
    [InlineData("America/New_York", "*/20 * * * *", 2024, 11, 3, 6)]
    [InlineData("America/New_York", "0 2 * * *", 2024, 3, 10, 8)]
    public void Staggered_seeds_match_each_trigger(string zoneId, string cron, int year, int month, int day, int hourUtc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var now = new DateTimeOffset(year, month, day, hourUtc, 7, 0, TimeSpan.Zero);
        var jobs = Enumerable.Range(0, 400)
            .Select(i => new JobDefinition { Name = $"p_{i:D4}", Lane = Rizquna.Scheduling.Engine.LaneKind.Post, Trigger = TriggerSpec.AtCron(cron, TimeSpan.FromSeconds(37) * i) })
            .ToList();
        var plan = new Plan { Version = 1, CreatedAt = now, CreatedBy = "t", TimeZoneId = zoneId, Jobs = jobs, Fingerprint = "f" };

        var seeds = PlanManager.CreateSeeds(plan, null, zone, now);

        var parsed = QuartzCronSchedule.TryParse(cron, zone, out _)!;
        for (var i = 0; i < jobs.Count; i++)
        {
            var expected = new CronTrigger(parsed, jobs[i].Trigger.Offset).NextAfter(now);
            Assert.Equal(expected, seeds[i].FirstDueAt);
            Assert.Equal(expected?.Offset, seeds[i].FirstDueAt?.Offset);
        }
    }
}
