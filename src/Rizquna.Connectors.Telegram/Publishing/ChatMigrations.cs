using System.Collections.Concurrent;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// Remembers groups upgraded to supergroups (old id → new id) for the life of the process, so later sends go to the new
/// chat at once. The account's configured id should still be updated: the publisher reports the new id in its result.
/// </summary>
internal sealed class ChatMigrations
{
    private readonly ConcurrentDictionary<string, string> _moved = new(StringComparer.Ordinal);

    private volatile bool _any; // set by the first migration: until then a send does no lookup

    public string Resolve(string chatId) => _any && _moved.TryGetValue(chatId, out var moved) ? moved : chatId;

    public void Record(string oldChatId, string newChatId)
    {
        _moved[oldChatId] = newChatId;
        _any = true;
    }
}
