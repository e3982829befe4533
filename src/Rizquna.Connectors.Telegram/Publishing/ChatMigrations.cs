using System.Collections.Concurrent;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// Remembers groups upgraded to supergroups (old id → new id) for the life of the process, so later sends go to the new
/// chat at once. The account's configured id should still be updated: the publisher reports the new id in its result.
/// </summary>
internal sealed class ChatMigrations
{
    private readonly ConcurrentDictionary<string, string> _moved = new(StringComparer.Ordinal);

    public string Resolve(string chatId) => _moved.TryGetValue(chatId, out var moved) ? moved : chatId;

    public void Record(string oldChatId, string newChatId) => _moved[oldChatId] = newChatId;
}
