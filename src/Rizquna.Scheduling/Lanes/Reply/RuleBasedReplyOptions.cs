namespace Rizquna.Scheduling.Lanes.Reply;

/// <summary>Settings of <see cref="RuleBasedReplyPolicy"/> (section <c>Rizquna:Lanes:Reply</c> by convention).</summary>
public sealed class RuleBasedReplyOptions
{
    /// <summary>The rules, first match wins. Items no rule matches get no reply.</summary>
    public List<ReplyRule> Rules { get; set; } = [];

    /// <summary>Start of the quiet hours (local time of the plan's zone), e.g. <c>22:00</c>; none when null.</summary>
    public TimeOnly? QuietHoursStart { get; set; }

    /// <summary>End of the quiet hours, e.g. <c>07:00</c> (may be earlier than the start: the window spans midnight).</summary>
    public TimeOnly? QuietHoursEnd { get; set; }

    /// <summary>At most this many replies to one customer per <see cref="CustomerWindow"/> on one account. Default 3; 0 means no limit.</summary>
    public int MaxRepliesPerCustomer { get; set; } = 3;

    /// <summary>The window of the per-customer limit. Default 1 hour.</summary>
    public TimeSpan CustomerWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Never answer the account's own messages. Default true.</summary>
    public bool IgnoreOwnMessages { get; set; } = true;
}
