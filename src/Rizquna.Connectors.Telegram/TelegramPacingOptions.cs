using System.ComponentModel.DataAnnotations;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// Client-side pacing of sends (Bot FAQ: about 1 message/s per chat, 20/min per group or channel, 30/s overall).
/// The limits are soft and undocumented, hence configurable. Bound from <c>Rizquna:Telegram:Pacing</c>.
/// </summary>
public sealed class TelegramPacingOptions
{
    /// <summary>Whether sends are paced at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Messages per second to one chat. Default 1.</summary>
    [Range(1, 1_000)]
    public int PerChatPerSecond { get; set; } = 1;

    /// <summary>Messages per minute to one group or channel (negative ids and <c>@usernames</c>). Default 20.</summary>
    [Range(1, 60_000)]
    public int PerGroupPerMinute { get; set; } = 20;

    /// <summary>Messages per second across all chats. Default 30.</summary>
    [Range(1, 10_000)]
    public int GlobalPerSecond { get; set; } = 30;

    /// <summary>Sends that may wait for a slot; beyond this a send fails as rate limited. Default 10,000.</summary>
    [Range(1, 1_000_000)]
    public int QueueLimit { get; set; } = 10_000;
}
