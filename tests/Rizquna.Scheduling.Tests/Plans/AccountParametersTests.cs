using Rizquna.Scheduling.Plans;

namespace Rizquna.Scheduling.Tests.Plans;

/// <summary>The compact parameters of a generated account job read exactly like the dictionary they replace.</summary>
public sealed class AccountParametersTests
{
    [Fact]
    public void Reads_like_the_dictionary_with_the_fixed_keys_winning_over_ids()
    {
        var settings = new AccountSettings
        {
            CredentialRef = "ig-7",
            Ids = { ["page_id"] = "555", ["index"] = "clash", ["platform_account_id"] = "clash", ["credential_ref"] = "clash", ["b"] = "2" },
        };

        var p = new AccountParameters("1784", 7, settings);

        // The old builder: the fixed keys first, then Dictionary.TryAdd of every id.
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [PlanGenerator.PlatformAccountIdParameter] = "1784",
            [PlanGenerator.IndexParameter] = "7",
            [PlanGenerator.CredentialRefParameter] = "ig-7",
        };
        foreach (var (k, v) in settings.Ids)
        {
            expected.TryAdd(k, v);
        }

        Assert.Equal(expected.ToList(), p.ToList());
        Assert.Equal(expected.Count, p.Count);
        Assert.Equal(expected.Keys, p.Keys);
        Assert.Equal(expected.Values, p.Values);
        foreach (var (k, v) in expected)
        {
            Assert.True(p.TryGetValue(k, out var actual));
            Assert.Equal(v, actual);
            Assert.Equal(v, p[k]);
        }

        Assert.False(p.ContainsKey("missing"));
        Assert.Throws<KeyNotFoundException>(() => p["missing"]);
    }

    [Fact]
    public void Without_a_credential_ref_an_id_of_that_name_is_a_parameter()
    {
        var p = new AccountParameters("9", 0, new AccountSettings { Ids = { ["credential_ref"] = "from-ids" } });

        Assert.Equal("from-ids", p[PlanGenerator.CredentialRefParameter]);
        Assert.Equal(3, p.Count);
        Assert.Equal(2, new AccountParameters("9", 0, null).Count);
    }

    [Fact]
    public void Later_edits_to_the_settings_do_not_change_the_plan()
    {
        var settings = new AccountSettings { Ids = { ["page_id"] = "555" } };
        var p = new AccountParameters("9", 0, settings);

        settings.Ids["page_id"] = "666";
        settings.Ids["new"] = "x";

        Assert.Equal("555", p["page_id"]);
        Assert.False(p.ContainsKey("new"));
    }

    [Fact]
    public void Diff_sees_a_changed_id_credential_or_index_and_nothing_else()
    {
        static SchedulingOptions Options(Action<AccountSettings> edit)
        {
            var s = new AccountSettings { CredentialRef = "c", Ids = { ["page_id"] = "1" } };
            edit(s);
            return new SchedulingOptions { Providers = [new ProviderSettings { Platform = "instagram", AccountRange = "01..03", Accounts = { ["02"] = s } }] };
        }

        static Plan Plan(SchedulingOptions o) =>
            new() { Version = 1, CreatedAt = DateTimeOffset.UnixEpoch, CreatedBy = "t", TimeZoneId = o.TimeZone, Jobs = PlanGenerator.CreateJobs(o), Fingerprint = "f" };

        var baseline = Plan(Options(_ => { }));
        Assert.True(PlanManager.Diff(baseline, Plan(Options(_ => { }))).IsEmpty);
        Assert.Equal(["ops_post_02", "ops_reply_02"], PlanManager.Diff(baseline, Plan(Options(s => s.Ids["page_id"] = "2"))).Changed);
        Assert.Equal(2, PlanManager.Diff(baseline, Plan(Options(s => s.CredentialRef = "d"))).Changed.Count);
        Assert.Equal(2, PlanManager.Diff(baseline, Plan(Options(s => s.Ids["extra"] = "x"))).Changed.Count);

        // A stored plan's parameters come back as a Dictionary: the same pairs are the same job.
        var reloaded = baseline with { Jobs = baseline.Jobs.Select(j => j with { Parameters = new Dictionary<string, string>(j.Parameters) }).ToList() };
        Assert.True(PlanManager.Diff(baseline, reloaded).IsEmpty);
        Assert.Equal(PlanGenerator.Fingerprint("Asia/Jakarta", baseline.Jobs), PlanGenerator.Fingerprint("Asia/Jakarta", reloaded.Jobs));
    }
}
