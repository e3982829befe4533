using Rizquna.Scheduling.Lanes.Reporting;
using Rizquna.Scheduling.Runs;

namespace Rizquna.Scheduling.Tests.Lanes;

public sealed class ReportFormatterTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private static readonly DateTimeOffset Day = new(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_day_without_activity_gets_a_short_report()
    {
        var report = DailyReportBuilder.Build(new DailyActivity(), new DateOnly(2026, 12, 3), Utc, Day, Day.AddDays(1), Day.AddHours(21));
        Assert.True(report.IsEmpty);
        Assert.Equal("No activity on 2026-12-03 (UTC): no runs, posts, inbox items, cooldowns or approvals.", DailyReportFormatter.Format(report));
    }

    [Fact]
    public void Errors_are_grouped_with_numbers_masked_and_one_example_each()
    {
        RunRecord Failed(string account, string message) => new()
        {
            JobName = "j", Lane = Rizquna.Scheduling.Engine.LaneKind.Post, Account = account, PlanVersion = 1, ScheduledAt = Day, StartedAt = Day.AddHours(8),
            Duration = TimeSpan.Zero, Attempt = 2, Outcome = RunOutcome.Failed, ErrorKind = PlatformErrorKind.Transient, Message = message, CorrelationId = "c",
        };

        var report = DailyReportBuilder.Build(new DailyActivity
        {
            Runs = [Failed("x/1", "timeout after 30s"), Failed("x/2", "timeout after 31s"), Failed("x/1", "(#368) abusive")],
        }, new DateOnly(2026, 12, 3), Utc, Day, Day.AddDays(1), Day.AddHours(21));

        Assert.Equal(2, report.TopErrors.Count);
        Assert.Equal(("Transient: timeout after #s", 2, "timeout after 30s"), (report.TopErrors[0].Key, report.TopErrors[0].Count, report.TopErrors[0].Example));
        Assert.Equal(3, report.Totals.RunsFailed);
        Assert.Equal(3, report.Totals.RunsRetried);
        Assert.Contains("2× Transient: timeout after #s — e.g. x/1: timeout after 30s", DailyReportFormatter.Format(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Split_keeps_lines_together_and_respects_the_limit()
    {
        var text = string.Join('\n', Enumerable.Range(0, 50).Select(i => $"line {i:D2} " + new string('x', 20)));
        var parts = DailyReportFormatter.Split(text, 100);
        Assert.All(parts, p => Assert.True(p.Length <= 100));
        Assert.Equal(text, string.Join('\n', parts));
        Assert.All(parts, p => Assert.StartsWith("line ", p, StringComparison.Ordinal));
        Assert.Equal(["aaaaaaaaaaaaaaaa", "aaaa"], DailyReportFormatter.Split(new string('a', 20), 16));
    }
}
