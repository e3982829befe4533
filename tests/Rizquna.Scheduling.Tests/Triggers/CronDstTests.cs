using Rizquna.Scheduling.Triggers;

namespace Rizquna.Scheduling.Tests.Triggers;

public sealed class CronDstTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    private static ICronSchedule Cron(string expression, TimeZoneInfo zone) =>
        QuartzCronSchedule.TryParse(expression, zone, out var error) ?? throw new InvalidOperationException(error);

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    private static List<DateTimeOffset> Occurrences(ICronSchedule cron, DateTimeOffset from, DateTimeOffset to)
    {
        var list = new List<DateTimeOffset>();
        var at = cron.GetNextAfter(from);
        while (at is { } a && a < to)
        {
            list.Add(a.ToUniversalTime());
            at = cron.GetNextAfter(a);
        }

        return list;
    }

    [Fact]
    public void Spring_forward_gap_fires_once_at_the_first_valid_instant()
    {
        // 2024-03-10 02:30 does not exist in New York: fire once at 03:00 EDT (07:00Z).
        var cron = Cron("30 2 * * *", NewYork);
        var runs = Occurrences(cron, Utc(2024, 3, 9, 12, 0), Utc(2024, 3, 11, 12, 0));
        Assert.Equal([Utc(2024, 3, 10, 7, 0), Utc(2024, 3, 11, 6, 30)], runs);
    }

    [Fact]
    public void Stepped_minutes_after_0130_EST_jump_to_0300_EDT()
    {
        var cron = Cron("*/30 * * * *", NewYork);
        // 01:30 EST on 2024-03-10 is 06:30Z; next is 03:00 EDT = 07:00Z.
        Assert.Equal(Utc(2024, 3, 10, 7, 0), cron.GetNextAfter(Utc(2024, 3, 10, 6, 30))!.Value.ToUniversalTime());
    }

    [Fact]
    public void Fall_back_overlap_fires_a_fixed_time_once_then_next_day()
    {
        // 2024-11-03 01:30 happens twice: fire at 01:30 EDT (05:30Z) only, then 01:30 EST next day (06:30Z).
        var cron = Cron("30 1 * * *", NewYork);
        var runs = Occurrences(cron, Utc(2024, 11, 2, 12, 0), Utc(2024, 11, 4, 12, 0));
        Assert.Equal([Utc(2024, 11, 3, 5, 30), Utc(2024, 11, 4, 6, 30)], runs);
    }

    [Fact]
    public void A_restart_inside_the_repeated_hour_does_not_run_the_daily_job_again()
    {
        var cron = Cron("30 1 * * *", NewYork);
        // Restart at 01:10 EST (second pass, 06:10Z): the 01:30 of this local date already ran in the first pass.
        Assert.Equal(Utc(2024, 11, 4, 6, 30), cron.GetNextAfter(Utc(2024, 11, 3, 6, 10))!.Value.ToUniversalTime());
        Assert.Equal(Utc(2024, 11, 4, 6, 30), cron.GetNextAfter(Utc(2024, 11, 3, 5, 30))!.Value.ToUniversalTime());
    }

    [Fact]
    public void Minutely_job_fires_1380_times_on_the_spring_day_and_1500_on_the_fall_day()
    {
        var cron = Cron("* * * * *", NewYork);
        // Local midnight to midnight: 2024-03-10 05:00Z .. 2024-03-11 04:00Z (23 h); 2024-11-03 04:00Z .. 2024-11-04 05:00Z (25 h).
        Assert.Equal(1380, Occurrences(cron, Utc(2024, 3, 10, 5, 0).AddTicks(-1), Utc(2024, 3, 11, 4, 0)).Count);
        Assert.Equal(1500, Occurrences(cron, Utc(2024, 11, 3, 4, 0).AddTicks(-1), Utc(2024, 11, 4, 5, 0)).Count);
    }

    [Fact]
    public void Stepped_minutes_fire_in_both_passes_of_the_overlap()
    {
        var cron = Cron("*/30 * * * *", NewYork);
        var runs = Occurrences(cron, Utc(2024, 11, 3, 4, 59), Utc(2024, 11, 3, 7, 1));
        // 01:00 EDT, 01:30 EDT, 01:00 EST, 01:30 EST, 02:00 EST
        Assert.Equal([Utc(2024, 11, 3, 5, 0), Utc(2024, 11, 3, 5, 30), Utc(2024, 11, 3, 6, 0), Utc(2024, 11, 3, 6, 30), Utc(2024, 11, 3, 7, 0)], runs);
    }

    [Fact]
    public void Jakarta_nine_oclock_is_always_0200Z()
    {
        var cron = Cron("0 9 * * *", Jakarta);
        var runs = Occurrences(cron, Utc(2024, 1, 1, 0, 0), Utc(2025, 1, 1, 0, 0));
        Assert.Equal(366, runs.Count);
        Assert.All(runs, r => Assert.Equal(new TimeSpan(2, 0, 0), r.TimeOfDay));
    }

    [Fact]
    public void An_expression_that_never_matches_has_no_next_occurrence()
    {
        var cron = Cron("0 0 30 2 *", Jakarta);
        Assert.Null(cron.GetNextAfter(Utc(2024, 1, 1, 0, 0)));
    }

    [Fact]
    public void Day_of_month_and_day_of_week_are_ORed_when_both_are_restricted()
    {
        // Pinned rule (Vixie cron, Quartz 4.7): "the 13th OR any Friday".
        var cron = Cron("0 0 13 * 5", TimeZoneInfo.Utc);
        var runs = Occurrences(cron, Utc(2024, 9, 1, 0, 0), Utc(2024, 10, 1, 0, 0));
        Assert.Equal([Utc(2024, 9, 6, 0, 0), Utc(2024, 9, 13, 0, 0), Utc(2024, 9, 20, 0, 0), Utc(2024, 9, 27, 0, 0)], runs);
        // 2024-09-13 is a Friday; check a 13th that is not: 2024-10-13 is a Sunday and still fires.
        Assert.Contains(Utc(2024, 10, 13, 0, 0), Occurrences(cron, Utc(2024, 10, 1, 0, 0), Utc(2024, 11, 1, 0, 0)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0 8 * *")]
    [InlineData("0 0 8 * * ?")]
    [InlineData("61 8 * * *")]
    [InlineData("0 25 * * *")]
    public void Invalid_expressions_are_rejected_with_a_message(string expression)
    {
        Assert.Null(QuartzCronSchedule.TryParse(expression, Jakarta, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Interval_is_epoch_aligned_UTC_arithmetic()
    {
        var trigger = new IntervalTrigger(TimeSpan.FromSeconds(60));
        Assert.Equal(Utc(2024, 3, 10, 7, 1), trigger.NextAfter(Utc(2024, 3, 10, 7, 0)));
        Assert.Equal(Utc(2024, 3, 10, 7, 1), trigger.NextAfter(Utc(2024, 3, 10, 7, 0).AddSeconds(59)));
    }

    [Fact]
    public void Staggered_cron_adds_the_offset_to_each_occurrence()
    {
        var trigger = new CronTrigger(Cron("0 8 * * *", Jakarta), TimeSpan.FromMinutes(6));
        Assert.Equal(Utc(2024, 1, 1, 1, 6), trigger.NextAfter(Utc(2024, 1, 1, 0, 0)));
        Assert.Equal(Utc(2024, 1, 2, 1, 6), trigger.NextAfter(Utc(2024, 1, 1, 1, 6)));
        Assert.Equal(Utc(2024, 1, 1, 1, 6), trigger.NextAfter(Utc(2024, 1, 1, 1, 5)));
    }
}
