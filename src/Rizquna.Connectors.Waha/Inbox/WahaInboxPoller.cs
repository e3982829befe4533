using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Rizquna.Connectors.Waha.Api;

namespace Rizquna.Connectors.Waha.Inbox;

/// <summary>
/// The polling fallback when webhooks are not available (or missed): reads the most recent chats
/// (<c>GET /api/{session}/chats</c>), then each chat's recent messages (<c>GET /api/{session}/chats/{chatId}/messages</c>) that are
/// newer than the chat's cursor, and streams them oldest first. Own messages (<c>fromMe</c>) only move the cursor; messages the
/// webhook already delivered are dropped. The first poll looks back <see cref="WahaOptions.InitialLookback"/>.
/// </summary>
internal sealed class WahaInboxPoller : IInboxPoller
{
    private readonly WahaClient _client;
    private readonly WahaSeenMessages _seen;
    private readonly IOptionsMonitor<WahaOptions> _options;
    private readonly TimeProvider _time;

    public WahaInboxPoller(WahaClient client, WahaSeenMessages seen, IOptionsMonitor<WahaOptions> options, TimeProvider? time = null)
    {
        _client = client;
        _seen = seen;
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    public PlatformId Platform => PlatformId.WhatsApp;

    public async IAsyncEnumerable<InboxItem> PollAsync(AccountRef account, InboxCursor? after, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var options = _options.CurrentValue;
        var session = _client.SessionOf(account);
        var cursor = WahaPollCursor.Decode(after)
                     ?? new WahaPollCursor { Floor = (_time.GetUtcNow() - options.InitialLookback).ToUnixTimeSeconds() };

        // Read everything first, then stream: a failed read yields nothing and the cursor stays where it was.
        var fresh = new List<Candidate>();
        foreach (var chat in await _client.GetChatsAsync(account, cancellationToken).ConfigureAwait(false))
        {
            if (ChatToRead(chat, cursor) is not { } chatId)
            {
                continue;
            }

            foreach (var raw in await _client.GetMessagesAsync(account, chatId, cancellationToken).ConfigureAwait(false))
            {
                if (WahaMessageMapper.Read(raw) is { } message && WahaIds.Serialized(message.Id) is { Length: > 0 } id
                    && cursor.IsNew(chatId, message.Timestamp, id))
                {
                    fresh.Add(new Candidate(chatId, id, message, raw));
                }
            }
        }

        fresh.Sort(static (a, b) => a.Message.Timestamp != b.Message.Timestamp
            ? a.Message.Timestamp.CompareTo(b.Message.Timestamp)
            : string.CompareOrdinal(a.Id, b.Id));

        foreach (var candidate in fresh)
        {
            cursor.Advance(candidate.ChatId, candidate.Message.Timestamp, candidate.Id);
            cursor.Trim(options.MaxTrackedChats);
            if (WahaMessageMapper.ToItem(account, session, candidate.Message, candidate.Raw, "poll") is not { } item
                || !_seen.TryMarkNew(session, item.Id))
            {
                continue; // own message, broadcast, or already delivered by the webhook
            }

            yield return item with { Cursor = cursor.Encode() };
        }
    }

    /// <summary>The chat id to read, or null when the chat is not a conversation or shows no activity after its cursor.</summary>
    private static string? ChatToRead(JsonElement chat, WahaPollCursor cursor)
    {
        ChatDto? dto;
        try
        {
            dto = chat.Deserialize(WahaJsonContext.Default.ChatDto);
        }
        catch (JsonException)
        {
            return null;
        }

        var chatId = WahaIds.Serialized(dto?.Id);
        if (chatId is null || chatId.EndsWith("@broadcast", StringComparison.Ordinal) || chatId.EndsWith("@newsletter", StringComparison.Ordinal))
        {
            return null;
        }

        if (chatId.EndsWith("@s.whatsapp.net", StringComparison.Ordinal))
        {
            chatId = string.Concat(chatId.AsSpan(0, chatId.Length - "@s.whatsapp.net".Length), "@c.us");
        }

        var lastActivity = dto!.ConversationTimestamp ?? dto.Timestamp;
        return lastActivity is { } at && at > 0 && at < cursor.PositionOf(chatId).Time ? null : chatId;
    }

    private readonly record struct Candidate(string ChatId, string Id, MessageDto Message, JsonElement Raw);
}
