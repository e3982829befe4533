using System.Globalization;

namespace Rizquna.Connectors.Telegram.BotApi;

/// <summary>Checks and classifies Bot API chat ids: <c>@channelusername</c> or a numeric id (negative for groups and channels).</summary>
internal static class TelegramChatId
{
    /// <summary>True for <c>@name</c> (5–32 letters, digits, '_') or a 64-bit integer.</summary>
    public static bool IsValid(string? chatId)
    {
        if (string.IsNullOrEmpty(chatId))
        {
            return false;
        }

        if (chatId[0] == '@')
        {
            if (chatId.Length < 2 || chatId.Length > 33 || !char.IsAsciiLetter(chatId[1]))
            {
                return false;
            }

            foreach (var c in chatId.AsSpan(1))
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '_')
                {
                    return false;
                }
            }

            return true;
        }

        return long.TryParse(chatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
    }

    /// <summary>Groups, supergroups and channels: negative ids and public <c>@usernames</c> (the 20/min pacing applies).</summary>
    public static bool IsGroupOrChannel(string chatId) => chatId.StartsWith('@') || chatId.StartsWith('-');

    /// <summary>
    /// A link to a message: <c>t.me/name/id</c> for public chats, <c>t.me/c/internal/id</c> for private supergroups and
    /// channels. Takes the chat's and the message's ids already formatted (the publisher has them).
    /// </summary>
    public static Uri? Permalink(Chat chat, string chatId, string messageId)
    {
        if (!string.IsNullOrEmpty(chat.Username))
        {
            return new Uri(string.Concat("https://t.me/", chat.Username, "/", messageId));
        }

        // -100xxxxxxxxxx → xxxxxxxxxx: the private link form; basic groups and private chats have no message links.
        return chatId.StartsWith("-100", StringComparison.Ordinal) && chat.Type is "channel" or "supergroup"
            ? new Uri(string.Concat("https://t.me/c/", chatId.AsSpan(4), "/", messageId))
            : null;
    }
}
