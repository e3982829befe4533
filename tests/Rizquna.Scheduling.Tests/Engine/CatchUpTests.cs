using Microsoft.Extensions.DependencyInjection;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Runs;
using Rizquna.Scheduling.Tests.Support;

namespace Rizquna.Scheduling.Tests.Engine;

public sealed class CatchUpTests
{
    private static readonly DateTimeOffset Start = new(2024, 6, 10, 0, 30, 0, TimeSpan.Zero); // 07:30 Jakarta

    [Fact]
    public async Task After_downtime_the_latest_missed_reply_runs_once_and_the_others_are_recorded_as_missed()
    {
        RecordingHandler replies = null!;
        await using var kernel = new KernelHarness(Start, o =>
        {
            o.Providers = [new ProviderSettings { Platform = "whatsapp", AccountRange = "01" }];
            o.Lanes.PostEnabled = false;
            o.Lanes.ReportEnabled = false;
        }, s => s.AddSingleton<ILaneHandler>(sp => replies = new RecordingHandler(LaneKind.Reply, sp.GetRequiredService<TimeProvider>())));
        await kernel.Plans.GenerateAsync();

        // Down for 90 min and 30 s: 90 reply occurrences missed.
        kernel.Clock.Jump(Start.AddMinutes(90).AddSeconds(30));
        await kernel.Engine.RunDueAsync();

        var runs = await kernel.RunsAsync();
        var missed = Assert.Single(runs, r => r.Outcome == RunOutcome.Missed);
        Assert.Equal(Start.AddMinutes(1), missed.ScheduledAt);
        var call = Assert.Single(replies.Calls);
        Assert.Equal(Start.AddMinutes(90), call.ScheduledAt);
        Assert.StartsWith("89 occurrences", missed.Message, StringComparison.Ordinal);

        Assert.Equal(Start.AddMinutes(91), (await kernel.Jobs.GetAsync("ops_reply_01"))!.DueAt);
    }

    [Theory]
    [InlineData(CatchUpPolicy.RunOnceIfYoungerThanPeriod, 2)]
    [InlineData(CatchUpPolicy.RunOnce, 2)]
    [InlineData(CatchUpPolicy.Skip, 0)]
    public async Task A_daily_post_missed_by_downtime_runs_once_or_is_skipped_by_policy(CatchUpPolicy policy, int expected)
    {
        RecordingHandler posts = null!;
        await using var kernel = new KernelHarness(Start, o =>
        {
            o.Providers = [new ProviderSettings { Platform = "facebook", AccountRange = "1..2" }];
            o.Lanes.ReplyEnabled = false;
            o.Lanes.ReportEnabled = false;
            o.Engine.CatchUp = policy;
        }, s => s.AddSingleton<ILaneHandler>(sp => posts = new RecordingHandler(LaneKind.Post, sp.GetRequiredService<TimeProvider>())));
        await kernel.Plans.GenerateAsync();

        kernel.Clock.Jump(Start.AddHours(3)); // 10:30 local: both posts (08:00, 08:02) were missed
        Assert.Equal(expected, await kernel.Engine.RunDueAsync());
        Assert.Equal(0, await kernel.Engine.RunDueAsync());
        await kernel.RunUntilAsync(Start.AddHours(20));
        Assert.Equal(expected, posts.Calls.Count);
        var runs = await kernel.RunsAsync();
        Assert.Equal(2 - expected, runs.Count(r => r.Outcome == RunOutcome.Missed));
        Assert.Equal(new DateTimeOffset(2024, 6, 11, 1, 2, 0, TimeSpan.Zero), (await kernel.Jobs.GetAsync("ops_post_2"))!.DueAt);
    }
}
