namespace Rizquna.Connectors.Telegram;

/// <summary>Where reports and alerts go. Bound from <c>Rizquna:Telegram:Reporter</c>.</summary>
public sealed class TelegramReporterOptions
{
    /// <summary>The admin chats (numeric ids or <c>@usernames</c>) every report is sent to.</summary>
    public IList<string> AdminChatIds { get; set; } = [];

    /// <summary>The account key whose credential (bot token) the reporter uses. Default <c>reporter</c>.</summary>
    public string AccountKey { get; set; } = "reporter";
}
