using Microsoft.Extensions.Logging;
using Rizquna.Connectors.Telegram.BotApi;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// One send to one chat: waits for a pacing slot, and when Telegram answers that the group became a supergroup, follows
/// the migration once (the first call failed with 400, so nothing was posted twice).
/// </summary>
internal sealed class ChatSender(TelegramPacer pacer, ChatMigrations migrations, ILogger<ChatSender> logger)
{
    public async Task<(T Result, string ChatId, long? MigratedTo)> SendAsync<T>(
        AccountRef account, string chatId, Func<string, CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        var target = migrations.Resolve(chatId);
        try
        {
            await pacer.WaitAsync(target, cancellationToken).ConfigureAwait(false);
            return (await send(target, cancellationToken).ConfigureAwait(false), target, null);
        }
        catch (ChatMigratedException migrated)
        {
            var newChatId = migrated.NewChatId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Log.ChatMigrated(logger, target, account.ToString(), migrated.NewChatId);
            migrations.Record(chatId, newChatId);
            await pacer.WaitAsync(newChatId, cancellationToken).ConfigureAwait(false);
            // A second migration is not followed: it surfaces as a Permanent PlatformException naming the id.
            return (await send(newChatId, cancellationToken).ConfigureAwait(false), newChatId, migrated.NewChatId);
        }
    }
}
