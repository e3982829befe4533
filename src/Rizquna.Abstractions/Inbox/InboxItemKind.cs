namespace Rizquna;

/// <summary>What kind of thing arrived in an inbox.</summary>
public enum InboxItemKind
{
    /// <summary>A comment on a post or media.</summary>
    Comment,
    /// <summary>A direct message (Messenger, Instagram DM).</summary>
    DirectMessage,
    /// <summary>A chat message (Telegram, WhatsApp).</summary>
    ChatMessage,
    /// <summary>A post in a channel the bot is in.</summary>
    ChannelPost,
    /// <summary>A button press on an inline keyboard (Telegram callback query).</summary>
    CallbackQuery,
    /// <summary>A buyer's message in a marketplace chat.</summary>
    MarketplaceChat,
    /// <summary>A marketplace order (recorded and counted, never replied to).</summary>
    Order,
}
