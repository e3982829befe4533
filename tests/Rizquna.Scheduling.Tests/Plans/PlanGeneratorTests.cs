using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Plans;

namespace Rizquna.Scheduling.Tests.Plans;

public sealed class PlanGeneratorTests
{
    [Fact]
    public void Generates_named_jobs_with_stagger_and_keeps_zero_padding()
    {
        var options = new SchedulingOptions
        {
            JobPrefix = "ops",
            Providers =
            [
                new ProviderSettings
                {
                    Platform = "Instagram",
                    AccountRange = "008..011",
                    Accounts = { ["009"] = new AccountSettings { PlatformAccountId = "17841", CredentialRef = "ig-009", Ids = { ["page_id"] = "555" } } },
                },
            ],
        };

        var jobs = PlanGenerator.CreateJobs(options);
        Assert.Equal(
            ["ops_post_008", "ops_post_009", "ops_post_010", "ops_post_011", "ops_reply_008", "ops_reply_009", "ops_reply_010", "ops_reply_011", "ops_report_night"],
            jobs.Select(j => j.Name));
        var post010 = jobs.Single(j => j.Name == "ops_post_010");
        Assert.Equal(TriggerSpec.AtCron("0 8 * * *", TimeSpan.FromMinutes(4)), post010.Trigger);
        Assert.Equal(LaneKind.Post, post010.Lane);
        var reply009 = jobs.Single(j => j.Name == "ops_reply_009");
        Assert.Equal(TriggerSpec.Every(TimeSpan.FromSeconds(60)), reply009.Trigger);
        Assert.Equal(new AccountRef(PlatformId.Instagram, "009", "17841"), reply009.Account);
        Assert.Equal("ig-009", reply009.Parameters[PlanGenerator.CredentialRefParameter]);
        Assert.Equal("555", reply009.Parameters["page_id"]);
        var report = jobs.Single(j => j.Name == "ops_report_night");
        Assert.Null(report.Account);
        Assert.Equal(TriggerSpec.AtCron("0 21 * * *"), report.Trigger);
    }

    [Fact]
    public void Same_settings_give_the_same_fingerprint_and_a_change_gives_another()
    {
        static SchedulingOptions Options(string range) => new() { Providers = [new ProviderSettings { Platform = "x", AccountRange = range }] };
        var a = PlanGenerator.Fingerprint("Asia/Jakarta", PlanGenerator.CreateJobs(Options("001..003")));
        var b = PlanGenerator.Fingerprint("Asia/Jakarta", PlanGenerator.CreateJobs(Options("001..003")));
        var c = PlanGenerator.Fingerprint("Asia/Jakarta", PlanGenerator.CreateJobs(Options("001..004")));
        var d = PlanGenerator.Fingerprint("Asia/Makassar", PlanGenerator.CreateJobs(Options("001..003")));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, d);
    }

    [Fact]
    public void Account_lists_and_ranges_parse()
    {
        Assert.True(AccountKeys.TryParse("001,003,007", out var list, out _));
        Assert.Equal(["001", "003", "007"], list);
        Assert.True(AccountKeys.TryParse("098..101", out var range, out _));
        Assert.Equal(["098", "099", "100", "101"], range);
        Assert.False(AccountKeys.TryParse("099..1000", out _, out var error));
        Assert.Contains("mixes widths", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_reports_added_removed_and_changed_jobs()
    {
        static Plan Make(int version, string range, string cron) => new()
        {
            Version = version,
            CreatedAt = DateTimeOffset.UnixEpoch,
            CreatedBy = "t",
            TimeZoneId = "Asia/Jakarta",
            Fingerprint = "f",
            Jobs = PlanGenerator.CreateJobs(new SchedulingOptions { Providers = [new ProviderSettings { Platform = "x", AccountRange = range }], Lanes = { PostCron = cron } }),
        };

        var diff = PlanManager.Diff(Make(1, "001..003", "0 8 * * *"), Make(2, "002..004", "0 9 * * *"));
        Assert.Equal(["ops_post_004", "ops_reply_004"], diff.Added);
        Assert.Equal(["ops_post_001", "ops_reply_001"], diff.Removed);
        // 002 and 003 move from index 1,2 to 0,1 (stagger changes) and the cron changed.
        Assert.Equal(["ops_post_002", "ops_post_003", "ops_reply_002", "ops_reply_003"], diff.Changed);
    }
}
