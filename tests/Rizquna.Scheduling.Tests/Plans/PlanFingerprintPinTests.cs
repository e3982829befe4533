using Rizquna.Scheduling.Plans;

namespace Rizquna.Scheduling.Tests.Plans;

/// <summary>
/// Stored plans keep their fingerprint: a different hash for the same settings would version every plan on the next
/// start. The value was taken from the first implementation (one canonical string hashed at once).
/// </summary>
public sealed class PlanFingerprintPinTests
{
    [Fact]
    public void Fingerprint_of_a_mixed_plan_is_unchanged()
    {
        var options = new SchedulingOptions
        {
            JobPrefix = "ops",
            Providers =
            [
                new ProviderSettings
                {
                    Platform = "instagram",
                    AccountRange = "0001..3000",
                    Accounts = { ["0009"] = new AccountSettings { PlatformAccountId = "17841é", CredentialRef = "ig-009", Ids = { ["page_id"] = "555", ["b"] = "2" } } },
                },
                new ProviderSettings { Platform = "x", JobPrefix = "xx", AccountRange = "b,a,c-1" },
            ],
        };
        options.Lanes.PostStagger = TimeSpan.FromSeconds(7);

        Assert.Equal("ea51bbf35ecaeaee6ad6d4d4480cb08e", PlanGenerator.Fingerprint("Asia/Jakarta", PlanGenerator.CreateJobs(options)));
    }
}
