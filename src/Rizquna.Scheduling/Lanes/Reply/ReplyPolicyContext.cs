using Rizquna.Scheduling.Lanes.Inbox;

namespace Rizquna.Scheduling.Lanes.Reply;

/// <summary>What a reply policy sees for one item.</summary>
public sealed record ReplyPolicyContext
{
    /// <summary>The item to answer.</summary>
    public required InboxItem Item { get; init; }

    /// <summary>The current instant.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The plan's time zone (for quiet hours).</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>The inbox, for history such as replies already sent to the same customer.</summary>
    public required IInboxStore Inbox { get; init; }
}
