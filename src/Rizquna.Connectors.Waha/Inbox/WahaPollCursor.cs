using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rizquna.Connectors.Waha.Inbox;

/// <summary>
/// The poller's position: per chat, the newest message time read (unix seconds) and the ids read at that second (several
/// messages can share one); chats not listed start at <see cref="Floor"/>. Encoded as compact JSON in <see cref="InboxCursor"/>.
/// </summary>
internal sealed class WahaPollCursor
{
    [JsonPropertyName("v")]
    public int Version { get; set; } = 1;

    /// <summary>Messages older than this (unix seconds) are never delivered: the starting point, raised when chats are forgotten.</summary>
    [JsonPropertyName("f")]
    public long Floor { get; set; }

    [JsonPropertyName("c")]
    public Dictionary<string, ChatPosition> Chats { get; set; } = new(StringComparer.Ordinal);

    public ChatPosition PositionOf(string chatId) =>
        Chats.TryGetValue(chatId, out var position) ? position : new ChatPosition { Time = Floor };

    /// <summary>True when a message at <paramref name="time"/> with <paramref name="id"/> is after the chat's position.</summary>
    public bool IsNew(string chatId, long time, string id)
    {
        var position = PositionOf(chatId);
        return time > position.Time || (time == position.Time && !position.Ids.Contains(id));
    }

    public void Advance(string chatId, long time, string id)
    {
        if (!Chats.TryGetValue(chatId, out var position))
        {
            Chats[chatId] = position = new ChatPosition { Time = Math.Max(time, Floor) };
        }

        if (time > position.Time)
        {
            position.Time = time;
            position.Ids.Clear();
        }

        if (time == position.Time && !position.Ids.Contains(id))
        {
            position.Ids.Add(id);
        }
    }

    /// <summary>Forgets the least recent chats beyond <paramref name="max"/>, raising the floor so that none of their history returns.</summary>
    public void Trim(int max)
    {
        if (Chats.Count <= max)
        {
            return;
        }

        foreach (var (chatId, position) in Chats.OrderBy(static c => c.Value.Time).Take(Chats.Count - max).ToList())
        {
            Floor = Math.Max(Floor, position.Time + 1);
            Chats.Remove(chatId);
        }
    }

    public InboxCursor Encode() => new(JsonSerializer.Serialize(this, WahaCursorJsonContext.Default.WahaPollCursor));

    /// <summary>Reads a cursor; null when there is none or it is not one of ours.</summary>
    public static WahaPollCursor? Decode(InboxCursor? cursor)
    {
        if (cursor is null || string.IsNullOrWhiteSpace(cursor.Value))
        {
            return null;
        }

        try
        {
            var decoded = JsonSerializer.Deserialize(cursor.Value, WahaCursorJsonContext.Default.WahaPollCursor);
            return decoded is { Version: 1 } ? decoded : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal sealed class ChatPosition
    {
        [JsonPropertyName("t")]
        public long Time { get; set; }

        [JsonPropertyName("i")]
        public List<string> Ids { get; set; } = [];
    }
}

[JsonSerializable(typeof(WahaPollCursor))]
internal sealed partial class WahaCursorJsonContext : JsonSerializerContext;
