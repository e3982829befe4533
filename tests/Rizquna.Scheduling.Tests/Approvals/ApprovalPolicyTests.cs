using Microsoft.Extensions.Options;
using Rizquna.Scheduling.Approvals;

namespace Rizquna.Scheduling.Tests.Approvals;

public sealed class ApprovalPolicyTests
{
    private static ConfiguredApprovalPolicy Policy(Action<ApprovalOptions> configure)
    {
        var options = new SchedulingOptions();
        configure(options.Approvals);
        return new ConfiguredApprovalPolicy(new StaticMonitor(options));
    }

    [Theory]
    [InlineData("reply", "Harganya Rp 150.000 kak", true)]
    [InlineData("reply", "Cuma 150rb aja", true)]
    [InlineData("reply", "Only $20 today", true)]
    [InlineData("reply", "Terima kasih, ditunggu ya", false)]
    [InlineData("publish", "Rp 150.000 promo", false)]
    public void Replies_quoting_a_price_need_approval(string action, string text, bool sensitive)
    {
        var policy = Policy(o => o.RepliesQuotingPrice = true);
        var reason = policy.GetSensitivity(new ApprovalRequest { ActionKey = "k", ActionType = action, Text = text });
        Assert.Equal(sensitive, reason is not null);
    }

    [Fact]
    public void Deletes_keywords_and_first_publishes_are_sensitive_when_configured()
    {
        var policy = Policy(o =>
        {
            o.FirstPublish = true;
            o.Keywords = ["giveaway"];
        });
        Assert.NotNull(policy.GetSensitivity(new ApprovalRequest { ActionKey = "k", ActionType = "delete" }));
        Assert.NotNull(policy.GetSensitivity(new ApprovalRequest { ActionKey = "k", ActionType = "publish", Text = "Big GIVEAWAY!" }));
        Assert.NotNull(policy.GetSensitivity(new ApprovalRequest { ActionKey = "k", ActionType = "publish", Facts = new Dictionary<string, string> { ["first_publish"] = "true" } }));
        Assert.Null(policy.GetSensitivity(new ApprovalRequest { ActionKey = "k", ActionType = "publish", Text = "New stock" }));
        Assert.Null(Policy(o => o.Enabled = false).GetSensitivity(new ApprovalRequest { ActionKey = "k", ActionType = "delete" }));
    }

    private sealed class StaticMonitor(SchedulingOptions value) : IOptionsMonitor<SchedulingOptions>
    {
        public SchedulingOptions CurrentValue => value;

        public SchedulingOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SchedulingOptions, string?> listener) => null;
    }
}
