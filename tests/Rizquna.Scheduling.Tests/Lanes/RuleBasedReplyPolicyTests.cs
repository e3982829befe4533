using Rizquna.Content;
using Rizquna.Scheduling.Lanes.Inbox;
using Rizquna.Scheduling.Lanes.Reply;
using Rizquna.Testing;

namespace Rizquna.Scheduling.Tests.Lanes;

public sealed class RuleBasedReplyPolicyTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 3, 0, 0, TimeSpan.Zero)); // 10:00 local

    private static readonly ContentOptions Templates = new ContentOptions()
        .AddTemplate("price", null, "Harga {{product}}: cek katalog")
        .AddTemplate("price", PlatformId.Instagram, "IG: harga {{product}} ada di bio");

    private RuleBasedReplyPolicy Policy(Action<RuleBasedReplyOptions>? configure = null)
    {
        var options = new RuleBasedReplyOptions
        {
            Rules = [new ReplyRule { Name = "price", Pattern = @"harga\s+(?<product>\w+)", Template = "price" }],
            QuietHoursStart = new TimeOnly(22, 0),
            QuietHoursEnd = new TimeOnly(7, 0),
            MaxRepliesPerCustomer = 2,
        };
        configure?.Invoke(options);
        return new RuleBasedReplyPolicy(new CaptionTemplater(Templates), new StaticOptionsMonitor<RuleBasedReplyOptions>(options));
    }

    private static InboxItem Comment(string text, PlatformId? platform = null, string id = "1", bool self = false) => new()
    {
        Account = new AccountRef(platform ?? PlatformId.Facebook, "001", "p"),
        Id = id,
        Kind = InboxItemKind.Comment,
        Text = text,
        From = new InboxParticipant("cust", "Budi"),
        CreatedAt = DateTimeOffset.UnixEpoch,
        IsFromSelf = self,
    };

    private ReplyPolicyContext Context(InboxItem item, IInboxStore? inbox = null) =>
        new() { Item = item, Now = _time.GetUtcNow(), TimeZone = Jakarta, Inbox = inbox ?? new InMemoryInboxStore(_time) };

    [Fact]
    public async Task A_matching_rule_renders_its_per_platform_template_with_the_named_groups()
    {
        var policy = Policy();
        var facebook = await policy.DecideAsync(Context(Comment("berapa harga kopi?")));
        Assert.Equal(ReplyDecisionKind.Reply, facebook.Kind);
        Assert.Equal("Harga kopi: cek katalog", facebook.Text);
        Assert.Equal("IG: harga teh ada di bio", (await policy.DecideAsync(Context(Comment("HARGA teh", PlatformId.Instagram)))).Text);
        Assert.Equal(ReplyDecisionKind.NoReply, (await policy.DecideAsync(Context(Comment("halo")))).Kind);
        Assert.Equal("own message", (await policy.DecideAsync(Context(Comment("harga kopi", self: true)))).Reason);
    }

    [Fact]
    public async Task Quiet_hours_defer_until_they_end_in_the_plan_zone()
    {
        _time.Jump(new DateTimeOffset(2026, 12, 3, 16, 30, 0, TimeSpan.Zero)); // 23:30 local
        var decision = await Policy().DecideAsync(Context(Comment("harga kopi")));
        Assert.Equal(ReplyDecisionKind.Defer, decision.Kind);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 7, 0, 0, TimeSpan.FromHours(7)), decision.NotBefore);
    }

    [Fact]
    public async Task The_per_customer_limit_stops_replies_within_the_window()
    {
        var inbox = new InMemoryInboxStore(_time);
        for (var i = 0; i < 2; i++)
        {
            var item = Comment("harga kopi", id: $"old{i}");
            await inbox.AddAsync(item);
            await inbox.TryBeginReplyAsync("facebook/001", item.Id, "x");
            await inbox.SetStateAsync("facebook/001", item.Id, InboxRecordState.Replied, replyId: "r");
        }

        var decision = await Policy().DecideAsync(Context(Comment("harga kopi", id: "new"), inbox));
        Assert.Equal(ReplyDecisionKind.NoReply, decision.Kind);
        Assert.StartsWith("rate limit", decision.Reason, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(ReplyDecisionKind.Reply, (await Policy().DecideAsync(Context(Comment("harga kopi", id: "new"), inbox))).Kind);
    }
}
