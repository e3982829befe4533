using System.ComponentModel.DataAnnotations;

namespace Rizquna.Connectors.Telegram;

/// <summary>How the inbox is read with <c>getUpdates</c>. Bound from <c>Rizquna:Telegram:Inbox</c>.</summary>
public sealed class TelegramInboxOptions
{
    /// <summary>
    /// Long-polling wait of the first <c>getUpdates</c> of a poll, in seconds (0 = short polling). Must stay below
    /// <c>Resilience:AttemptTimeout</c>. Default 10.
    /// </summary>
    [Range(0, 50)]
    public int LongPollTimeoutSeconds { get; set; } = 10;

    /// <summary>Updates per <c>getUpdates</c> call, 1–100. Default 100.</summary>
    [Range(1, 100)]
    public int Limit { get; set; } = 100;

    /// <summary>Most updates read in one poll, so that one poll ends. Default 1,000.</summary>
    [Range(1, 100_000)]
    public int MaxUpdatesPerPoll { get; set; } = 1_000;

    /// <summary>The update types asked for (<c>allowed_updates</c>). Empty means <see cref="DefaultAllowedUpdates"/>.</summary>
    /// <remarks>Empty by default because configuration binding appends to a pre-filled list instead of replacing it.</remarks>
    public IList<string> AllowedUpdates { get; set; } = [];

    /// <summary>The update types read when <see cref="AllowedUpdates"/> is empty: messages, channel posts and callback queries.</summary>
    public static IReadOnlyList<string> DefaultAllowedUpdates { get; } = ["message", "channel_post", "callback_query"];

    internal IReadOnlyList<string> EffectiveAllowedUpdates => AllowedUpdates.Count > 0 ? [.. AllowedUpdates] : DefaultAllowedUpdates;
}
