using System.Globalization;
using Rizquna.Connectors.Telegram.BotApi;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// Turns a Bot API <c>Update</c> into an <see cref="InboxItem"/>: messages, channel posts and callback queries; other
/// update types yield null. Metadata carries what a reply needs (<c>telegram.chat_id</c>, <c>telegram.message_id</c>).
/// </summary>
internal static class UpdateMapper
{
    public const string ChatIdKey = "telegram.chat_id";
    public const string MessageIdKey = "telegram.message_id";
    public const string UpdateIdKey = "telegram.update_id";
    public const string ChatTypeKey = "telegram.chat_type";
    public const string CallbackQueryIdKey = "telegram.callback_query_id";
    public const string CallbackDataKey = "telegram.callback_data";

    /// <summary>The cursor after an update: the next <c>offset</c> for <c>getUpdates</c>.</summary>
    public static InboxCursor CursorAfter(long updateId) => new((updateId + 1).ToString(CultureInfo.InvariantCulture));

    public static InboxItem? Map(AccountRef account, Update update, string rawJson, long? botId, DateTimeOffset now)
    {
        var cursor = CursorAfter(update.UpdateId);
        if (update.Message is { } message)
        {
            return FromMessage(account, update.UpdateId, message, InboxItemKind.ChatMessage, rawJson, botId, cursor);
        }

        if (update.ChannelPost is { } post)
        {
            return FromMessage(account, update.UpdateId, post, InboxItemKind.ChannelPost, rawJson, botId, cursor);
        }

        if (update.CallbackQuery is { } query)
        {
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [UpdateIdKey] = Text(update.UpdateId),
                [CallbackQueryIdKey] = query.Id,
            };
            if (query.Data is { } data)
            {
                metadata[CallbackDataKey] = data;
            }

            if (query.Message is { } origin)
            {
                metadata[ChatIdKey] = Text(origin.Chat.Id);
                metadata[MessageIdKey] = Text(origin.MessageId);
                if (origin.Chat.Type is { } type)
                {
                    metadata[ChatTypeKey] = type;
                }
            }

            return new InboxItem
            {
                Account = account,
                Id = "callback:" + query.Id,
                Kind = InboxItemKind.CallbackQuery,
                ThreadId = query.Message is { } m ? Text(m.Chat.Id) : null,
                From = query.From is { } user ? Participant(user) : null,
                Text = query.Data,
                CreatedAt = now, // callback queries carry no date
                IsFromSelf = botId is { } id && query.From?.Id == id,
                CanReply = query.Message is not null,
                Cursor = cursor,
                RawJson = rawJson,
                Metadata = metadata,
            };
        }

        return null;
    }

    private static InboxItem FromMessage(
        AccountRef account, long updateId, Message message, InboxItemKind kind, string rawJson, long? botId, InboxCursor cursor)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [UpdateIdKey] = Text(updateId),
            [ChatIdKey] = Text(message.Chat.Id),
            [MessageIdKey] = Text(message.MessageId),
        };
        if (message.Chat.Type is { } type)
        {
            metadata[ChatTypeKey] = type;
        }

        if (message.MediaGroupId is { } group)
        {
            metadata["telegram.media_group_id"] = group;
        }

        if (message.ReplyToMessage is { } repliedTo)
        {
            metadata["telegram.reply_to_message_id"] = Text(repliedTo.MessageId);
        }

        InboxParticipant? from = message.From is { } user ? Participant(user)
            : message.SenderChat is { } chat ? new InboxParticipant(Text(chat.Id), chat.Title ?? chat.Username)
            : null;

        return new InboxItem
        {
            Account = account,
            Id = Text(message.Chat.Id) + ":" + Text(message.MessageId), // message ids are unique within a chat only
            Kind = kind,
            ThreadId = Text(message.Chat.Id),
            From = from,
            Text = message.Text ?? message.Caption,
            CreatedAt = DateTimeOffset.FromUnixTimeSeconds(message.Date),
            IsFromSelf = botId is { } id && message.From?.Id == id,
            Cursor = cursor,
            RawJson = rawJson,
            Metadata = metadata,
        };
    }

    private static InboxParticipant Participant(User user)
    {
        var name = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(static part => !string.IsNullOrEmpty(part)));
        return new InboxParticipant(Text(user.Id), name.Length > 0 ? name : user.Username);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
