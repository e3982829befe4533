using Microsoft.Extensions.DependencyInjection;
using Rizquna.Scheduling.Approvals;
using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Runs;
using Rizquna.Scheduling.Tests.Support;

namespace Rizquna.Scheduling.Tests.Engine;

/// <summary>
/// A whole day for ten Instagram accounts in Jakarta (UTC+7), driven by a manual clock. Accounts 003, 004, 005 and 006
/// are scripted: 003's post fails three times then succeeds (retries +1, +5, +15 min); 004's platform is down from
/// 08:06 to 08:40 with its reply job disabled (three failures trip a cooldown, the probe at 08:42 succeeds); 005's
/// first publish needs approval that nobody gives (expires after 2 h); 006's approval is granted at 08:30.
/// </summary>
public sealed class SimulatedDayTests
{
    // 2024-06-10 local midnight in Jakarta.
    private static readonly DateTimeOffset Midnight = new(2024, 6, 9, 17, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Local(int hour, int minute) => Midnight.AddHours(hour).AddMinutes(minute);

    [Fact]
    public async Task A_day_for_ten_accounts_runs_at_the_exact_instants()
    {
        RecordingHandler posts = null!;
        var postFailures003 = 0;
        ApprovalService? gate = null;
        var published = new List<(string Job, DateTimeOffset At)>();
        await using var kernel = new KernelHarness(Midnight, o =>
        {
            o.JobPrefix = "ops";
            o.TimeZone = "Asia/Jakarta";
            o.Providers = [new ProviderSettings { Platform = "instagram", AccountRange = "001..010" }];
            o.Approvals.FirstPublish = true;
            o.Approvals.Expiry = TimeSpan.FromHours(2);
        }, services =>
        {
            services.AddSingleton<ILaneHandler>(sp => new RecordingHandler(LaneKind.Reply, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<ILaneHandler>(sp => new RecordingHandler(LaneKind.Report, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<ILaneHandler>(sp =>
            {
                var time = sp.GetRequiredService<TimeProvider>();
                posts = new RecordingHandler(LaneKind.Post, time, async ctx =>
                {
                    var now = time.GetUtcNow();
                    switch (ctx.Account!.Key)
                    {
                        case "003" when postFailures003 < 3:
                            postFailures003++;
                            throw new PlatformException(PlatformId.Instagram, PlatformErrorKind.Transient, "Graph 500");
                        case "004" when now < Local(8, 40):
                            throw new PlatformException(PlatformId.Instagram, PlatformErrorKind.Transient, "Graph unavailable");
                        case "005" or "006":
                            gate ??= sp.GetRequiredService<ApprovalService>();
                            var answer = await gate.CheckAsync(new ApprovalRequest
                            {
                                ActionKey = $"{ctx.JobName}:{ctx.ScheduledAt:O}",
                                ActionType = "publish",
                                Account = ctx.Account,
                                JobName = ctx.JobName,
                                CorrelationId = ctx.CorrelationId,
                                Facts = new Dictionary<string, string> { ["first_publish"] = "true" },
                            });
                            if (answer.Status == ApprovalGateStatus.Pending)
                            {
                                return LaneRunResult.AwaitingApproval(answer.ApprovalId!);
                            }

                            if (answer.Status == ApprovalGateStatus.Denied)
                            {
                                return LaneRunResult.Skipped("approval " + answer.Reason);
                            }

                            break;
                    }

                    lock (published)
                    {
                        published.Add((ctx.JobName, now));
                    }

                    return LaneRunResult.Succeeded();
                });
                return posts;
            });
        });

        var first = await kernel.Plans.GenerateAsync("ops-lead");
        Assert.True(first.Created);
        Assert.Equal(21, first.Plan.Jobs.Count);
        Assert.True(await kernel.Plans.SetJobEnabledAsync("ops_reply_004", false, "ops-lead"));

        await kernel.RunUntilAsync(Midnight.AddDays(1).AddTicks(-1), async now =>
        {
            if (now == Local(8, 30))
            {
                var pending = await kernel.Approvals.ListAsync(ApprovalStatus.Pending);
                var for006 = Assert.Single(pending, a => a.JobName == "ops_post_006");
                Assert.NotNull(await kernel.Approvals.ApproveAsync(for006.Id, "ops-lead"));
            }
        });

        var runs = await kernel.RunsAsync();

        // Posts: one success per account at 08:00 + 2 min × i, except the scripted ones.
        foreach (var i in new[] { 0, 1, 6, 7, 8, 9 })
        {
            var job = $"ops_post_{i + 1:000}";
            var run = Assert.Single(runs, r => r.JobName == job);
            Assert.Equal(RunOutcome.Succeeded, run.Outcome);
            Assert.Equal(Local(8, 2 * i), run.StartedAt);
            Assert.Equal(Local(8, 2 * i), run.ScheduledAt);
        }

        // 003: failures at 08:04, 08:05, 08:10, retries scheduled +1, +5, +15 min; success at 08:25.
        var r003 = runs.Where(r => r.JobName == "ops_post_003").ToList();
        Assert.Equal([Local(8, 4), Local(8, 5), Local(8, 10), Local(8, 25)], r003.Select(r => r.StartedAt));
        Assert.Equal([1, 2, 3, 4], r003.Select(r => r.Attempt));
        Assert.Equal([Local(8, 5), Local(8, 10), Local(8, 25), (DateTimeOffset?)null], r003.Select(r => r.NextAttemptAt));
        Assert.Equal([RunOutcome.Failed, RunOutcome.Failed, RunOutcome.Failed, RunOutcome.Succeeded], r003.Select(r => r.Outcome));
        Assert.All(r003, r => Assert.Equal(Local(8, 4), r.ScheduledAt));

        // 004: three failures trip the cooldown at 08:12 (30 min); the +15 retry (08:27) waits; the probe at 08:42 succeeds.
        var r004 = runs.Where(r => r.JobName == "ops_post_004").ToList();
        Assert.Equal([Local(8, 6), Local(8, 7), Local(8, 12), Local(8, 42)], r004.Select(r => r.StartedAt));
        Assert.Equal([RunOutcome.Failed, RunOutcome.Failed, RunOutcome.Failed, RunOutcome.Succeeded], r004.Select(r => r.Outcome));
        Assert.Equal(Local(8, 27), r004[2].NextAttemptAt);
        Assert.DoesNotContain(runs, r => r.JobName == "ops_reply_004");
        var cooldown = await kernel.EventsAsync(new AuditQuery { Account = "instagram/004", Types = [AuditEventTypes.CooldownEntered, AuditEventTypes.CooldownLeft, AuditEventTypes.AlertSent] });
        Assert.Equal([AuditEventTypes.CooldownEntered, AuditEventTypes.AlertSent, AuditEventTypes.CooldownLeft], cooldown.Select(e => e.Type));
        Assert.Equal([Local(8, 12), Local(8, 12), Local(8, 42)], cooldown.Select(e => e.At));
        var alert = Assert.Single(kernel.Reporter.Reports);
        Assert.Equal("alert.cooldown", alert.Type);
        Assert.Contains("instagram/004", alert.Body, StringComparison.Ordinal);

        // 005: approval requested at 08:08, expires at 10:08; the post never publishes.
        var r005 = runs.Where(r => r.JobName == "ops_post_005").ToList();
        Assert.Equal([Local(8, 8), Local(10, 8)], r005.Select(r => r.StartedAt));
        Assert.Equal([RunOutcome.AwaitingApproval, RunOutcome.Skipped], r005.Select(r => r.Outcome));
        Assert.DoesNotContain(published, p => p.Job == "ops_post_005");
        var approval005 = Assert.Single(await kernel.Approvals.ListAsync(ApprovalStatus.Expired));
        Assert.Equal("ops_post_005", approval005.JobName);
        Assert.Equal(Local(10, 8), approval005.DecidedAt);
        var expired = Assert.Single(await kernel.EventsAsync(new AuditQuery { Types = [AuditEventTypes.ApprovalExpired] }));
        Assert.Equal(Local(10, 8), expired.At);

        // 006: approved at 08:30, the woken job publishes at 08:30.
        var r006 = runs.Where(r => r.JobName == "ops_post_006").ToList();
        Assert.Equal([Local(8, 10), Local(8, 30)], r006.Select(r => r.StartedAt));
        Assert.Equal([RunOutcome.AwaitingApproval, RunOutcome.Succeeded], r006.Select(r => r.Outcome));
        Assert.Contains(published, p => p.Job == "ops_post_006" && p.At == Local(8, 30));

        // Replies every 60 s for each enabled account, all day.
        foreach (var key in new[] { "001", "002", "003", "005", "010" })
        {
            var replies = runs.Where(r => r.JobName == $"ops_reply_{key}").Select(r => r.StartedAt).ToList();
            Assert.Equal(1439, replies.Count); // 00:01 .. 23:59
            Assert.Equal(Local(0, 1), replies[0]);
            for (var i = 1; i < replies.Count; i++)
            {
                Assert.Equal(TimeSpan.FromSeconds(60), replies[i] - replies[i - 1]);
            }
        }

        // The nightly report, once, at 21:00 local.
        var report = Assert.Single(runs, r => r.JobName == "ops_report_night");
        Assert.Equal(Local(21, 0), report.StartedAt);
        Assert.Equal(new DateTimeOffset(2024, 6, 10, 14, 0, 0, TimeSpan.Zero), report.StartedAt);

        // Every run was started and finished in the audit timeline.
        var started = await kernel.EventsAsync(new AuditQuery { Types = [AuditEventTypes.RunStarted] });
        Assert.Equal(runs.Count(r => r.Outcome != RunOutcome.Missed), started.Count);

        // Rollback: a changed cron becomes version 2; rolling back to 1 makes 08:00 current again as version 3.
        kernel.Options.Lanes.PostCron = "0 9 * * *";
        var v2 = await kernel.Plans.GenerateAsync("ops-lead");
        Assert.Equal(2, v2.Plan.Version);
        Assert.Equal(10, v2.Diff.Changed.Count);
        Assert.Empty(v2.Diff.Added);
        Assert.Equal(Local(24 + 9, 0), (await kernel.Jobs.GetAsync("ops_post_001"))!.DueAt);
        var v3 = await kernel.Plans.RollbackAsync(1, "ops-lead");
        Assert.Equal(3, v3.Plan.Version);
        Assert.Equal("rollback:1", v3.Plan.Origin);
        Assert.Equal(first.Plan.Fingerprint, v3.Plan.Fingerprint);
        Assert.Equal(Local(24 + 8, 0), (await kernel.Jobs.GetAsync("ops_post_001"))!.DueAt);
        Assert.Equal(Local(24 + 8, 2 * 9), (await kernel.Jobs.GetAsync("ops_post_010"))!.DueAt);
        var again = await kernel.Plans.GenerateAsync("system");
        Assert.False(again.Created);
        Assert.Equal(3, again.Plan.Version);
        var planEvents = await kernel.EventsAsync(new AuditQuery { Types = [AuditEventTypes.PlanGenerated, AuditEventTypes.PlanVersioned, AuditEventTypes.PlanRolledBack] });
        Assert.Equal([AuditEventTypes.PlanGenerated, AuditEventTypes.PlanVersioned, AuditEventTypes.PlanRolledBack], planEvents.Select(e => e.Type));
        Assert.Equal("ops-lead", planEvents[2].Actor);
    }
}
