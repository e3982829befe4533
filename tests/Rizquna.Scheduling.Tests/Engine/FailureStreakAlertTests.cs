using Microsoft.Extensions.DependencyInjection;
using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Tests.Support;

namespace Rizquna.Scheduling.Tests.Engine;

/// <summary>
/// The failure-streak alert (<see cref="Policies.CooldownOptions.AlertAfterFailures"/>, seed 001: "notify Telegram when it
/// fails three times"): sent once per streak while the account keeps running, separate from the cooldown's own alert when
/// the cooldown threshold is higher, and not at all when the two thresholds coincide (the cooldown alert says it) or it is off.
/// </summary>
public sealed class FailureStreakAlertTests
{
    private static readonly DateTimeOffset Midnight = new(2024, 6, 9, 17, 0, 0, TimeSpan.Zero); // 00:00 in Jakarta

    /// <summary>One Instagram account whose posts always fail (transient); its reply job is off, so nothing succeeds in between.</summary>
    private static async Task<KernelHarness> FailingAccountAsync(int failureThreshold, int? alertAfterFailures)
    {
        var kernel = new KernelHarness(Midnight, o =>
        {
            o.JobPrefix = "ops";
            o.TimeZone = "Asia/Jakarta";
            o.Providers = [new ProviderSettings { Platform = "instagram", AccountRange = "001..001" }];
            o.Cooldown.FailureThreshold = failureThreshold;
            o.Cooldown.AlertAfterFailures = alertAfterFailures;
        }, services =>
        {
            services.AddSingleton<ILaneHandler>(sp => new RecordingHandler(LaneKind.Reply, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<ILaneHandler>(sp => new RecordingHandler(LaneKind.Report, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<ILaneHandler>(sp => new RecordingHandler(LaneKind.Post, sp.GetRequiredService<TimeProvider>(),
                _ => throw new PlatformException(PlatformId.Instagram, PlatformErrorKind.Transient, "Graph 500")));
        });
        await kernel.Plans.GenerateAsync("ops-lead");
        Assert.True(await kernel.Plans.SetJobEnabledAsync("ops_reply_001", false, "ops-lead"));
        await kernel.RunUntilAsync(Midnight.AddHours(12));
        return kernel;
    }

    [Fact]
    public async Task Below_the_cooldown_threshold_the_third_failure_alerts_once_and_the_cooldown_alerts_later()
    {
        await using var kernel = await FailingAccountAsync(failureThreshold: 4, alertAfterFailures: 3);

        Assert.Equal(["alert.failures", "alert.cooldown"], kernel.Reporter.Reports.Select(r => r.Type));
        var streak = kernel.Reporter.Reports[0];
        Assert.Contains("instagram/001 failed 3 times in a row", streak.Body, StringComparison.Ordinal);
        Assert.Equal(ReportSeverity.Warning, streak.Severity);

        var failures = (await kernel.RunsAsync()).Where(r => r.Outcome == Runs.RunOutcome.Failed).OrderBy(r => r.StartedAt).ToList();
        var alerts = await kernel.EventsAsync(new AuditQuery { Account = "instagram/001", Types = [AuditEventTypes.AlertSent] });
        Assert.Equal([failures[2].StartedAt, failures[3].StartedAt], alerts.Select(e => e.At)); // at the 3rd and the 4th failure
    }

    [Fact]
    public async Task When_both_thresholds_are_three_the_cooldown_alert_is_the_only_one()
    {
        await using var kernel = await FailingAccountAsync(failureThreshold: 3, alertAfterFailures: 3);

        // The third failure trips the cooldown (its alert says "after 3 consecutive failures"); the failed probe re-trips it.
        Assert.Equal(["alert.cooldown", "alert.cooldown"], kernel.Reporter.Reports.Select(r => r.Type));
        Assert.Contains("after 3 consecutive failures", kernel.Reporter.Reports[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turned_off_no_streak_alert_is_sent()
    {
        await using var kernel = await FailingAccountAsync(failureThreshold: 4, alertAfterFailures: null);

        Assert.Equal(["alert.cooldown"], kernel.Reporter.Reports.Select(r => r.Type));
    }
}
