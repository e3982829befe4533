namespace Rizquna.Connectors.Telegram.BotApi;

/// <summary>
/// A group was upgraded to a supergroup and has a new id (<c>parameters.migrate_to_chat_id</c>). Internal: the
/// publisher follows it once; anyone else sees a plain <see cref="PlatformException"/> naming the new id.
/// </summary>
internal sealed class ChatMigratedException(string message, long newChatId) : PlatformException(PlatformId.Telegram, PlatformErrorKind.Permanent, message)
{
    public long NewChatId { get; } = newChatId;
}
