using System.Text.Json;
using Rizquna.Connectors.Waha.Api;

namespace Rizquna.Connectors.Waha.Inbox;

/// <summary>Turns a WAHA WAMessage (webhook payload or chat history) into an <see cref="InboxItem"/>.</summary>
internal static class WahaMessageMapper
{
    public const string SessionKey = "waha.session";
    public const string HasMediaKey = "waha.has_media";
    public const string MediaUrlKey = "waha.media_url";
    public const string MediaTypeKey = "waha.media_type";
    public const string SourceKey = "waha.source";

    /// <summary>The message as a WAHA DTO, or null when the element is not a message.</summary>
    public static MessageDto? Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return element.Deserialize(WahaJsonContext.Default.MessageDto);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The inbox item for a message someone else wrote, or null for own messages (<c>fromMe</c>), status broadcasts and
    /// messages without an id.
    /// </summary>
    public static InboxItem? ToItem(AccountRef account, string session, MessageDto message, JsonElement raw, string source)
    {
        var id = WahaIds.Serialized(message.Id);
        if (message.FromMe || string.IsNullOrEmpty(id) || string.IsNullOrEmpty(message.From)
            || message.From.EndsWith("@broadcast", StringComparison.Ordinal))
        {
            return null;
        }

        var chatId = Normalize(message.From);
        var author = Normalize(message.Participant ?? message.Author ?? message.From);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SessionKey] = session,
            [SourceKey] = source,
        };
        if (message.HasMedia)
        {
            metadata[HasMediaKey] = "true";
            if (message.Media?.Url is { } url)
            {
                metadata[MediaUrlKey] = url; // fetching it needs the same X-Api-Key
            }

            if (message.Media?.Mimetype is { } type)
            {
                metadata[MediaTypeKey] = type;
            }
        }

        return new InboxItem
        {
            Account = account,
            Id = id,
            Kind = InboxItemKind.ChatMessage,
            ThreadId = chatId,
            From = new InboxParticipant(author, PushName(message.Data)),
            Text = message.Body,
            CreatedAt = WahaClient.ToTime(message.Timestamp) ?? DateTimeOffset.UnixEpoch,
            IsFromSelf = false,
            CanReply = !chatId.EndsWith("@newsletter", StringComparison.Ordinal),
            RawJson = raw.GetRawText(),
            Metadata = metadata,
        };
    }

    // NOWEB/GOWS show users as @s.whatsapp.net; replies go to @c.us.
    private static string Normalize(string id) =>
        id.EndsWith("@s.whatsapp.net", StringComparison.Ordinal) ? string.Concat(id.AsSpan(0, id.Length - "@s.whatsapp.net".Length), "@c.us") : id;

    private static string? PushName(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object
        && (data.TryGetProperty("notifyName", out var name) || data.TryGetProperty("pushName", out name))
        && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;
}
