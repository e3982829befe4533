using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rizquna.Connectors.Telegram.BotApi;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// One send to one chat. Waits for a pacing slot; when Telegram answers that the group became a supergroup, follows the
/// migration once; when it answers 429, holds the chat for <c>retry_after</c> and, if that wait is short
/// (<c>Resilience:MaxInProcessRetryAfter</c>), sends once more. Both are safe to repeat: a 400 or 429 means nothing was posted.
/// </summary>
internal sealed class ChatSender(TelegramPacer pacer, ChatMigrations migrations, IOptions<TelegramOptions> options, ILogger<ChatSender> logger)
{
    private readonly TimeSpan _maxInProcessWait = options.Value.Resilience.MaxInProcessRetryAfter;

    public ValueTask<(T Result, string ChatId, long? MigratedTo)> SendAsync<T>(
        AccountRef account, string chatId, Func<string, CancellationToken, Task<T>> send, CancellationToken cancellationToken) =>
        SendAsync(account, chatId, send, static (chat, send, ct) => send(chat, ct), cancellationToken);

    // As above, with the send's state passed along instead of captured (no closure on the publish path). A ValueTask: the
    // usual send completes without a task object of its own.
    public ValueTask<(T Result, string ChatId, long? MigratedTo)> SendAsync<TState, T>(
        AccountRef account, string chatId, TState state, Func<string, TState, CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        var target = migrations.Resolve(chatId);
        var slot = pacer.WaitAsync(target, cancellationToken);
        if (!slot.IsCompletedSuccessfully)
        {
            return SendLoopAsync(account, chatId, target, state, send, slot, sending: null, cancellationToken);
        }

        slot.GetAwaiter().GetResult();

        // No pacing wait (pacing off, or a free slot): send at once; a send that completed at once and well needs no
        // state machine. Anything else — a 429, a migration, a pending send — goes through the loop with this send in flight.
        Task<T> sending;
        try
        {
            sending = send(target, state, cancellationToken);
        }
        catch (Exception ex)
        {
            sending = Task.FromException<T>(ex);
        }

        return sending.IsCompletedSuccessfully
            ? new((sending.Result, target, null))
            : SendLoopAsync(account, chatId, target, state, send, default, sending, cancellationToken);
    }

    private async ValueTask<(T Result, string ChatId, long? MigratedTo)> SendLoopAsync<TState, T>(
        AccountRef account, string chatId, string target, TState state, Func<string, TState, CancellationToken, Task<T>> send,
        ValueTask slot, Task<T>? sending, CancellationToken cancellationToken)
    {
        // `slot` is the pacing wait already started for the first send; when `sending` is given, that send is in flight.
        long? migratedTo = null;
        var waitedOutRateLimit = false;
        while (true)
        {
            try
            {
                if (sending is null)
                {
                    await slot.ConfigureAwait(false);
                    sending = send(target, state, cancellationToken);
                }

                var inFlight = sending;
                sending = null; // a retry below waits for pacing and sends anew
                return (await inFlight.ConfigureAwait(false), target, migratedTo);
            }
            catch (ChatMigratedException migrated) when (migratedTo is null)
            {
                // A second migration is not followed: it surfaces as a Permanent PlatformException naming the id.
                migratedTo = migrated.NewChatId;
                var newChatId = migrated.NewChatId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Log.ChatMigrated(logger, target, account.ToString(), migrated.NewChatId);
                migrations.Record(chatId, newChatId);
                target = newChatId;
            }
            catch (PlatformException limited) when (limited.HttpStatus == 429)
            {
                var wait = limited.RetryAfter ?? TimeSpan.FromSeconds(1);
                pacer.Hold(target, wait); // later sends to this chat queue behind the wait, too
                if (waitedOutRateLimit || wait > _maxInProcessWait)
                {
                    throw;
                }

                waitedOutRateLimit = true;
            }

            // Another try (a migrated chat, or a short 429 wait): pacing first, as for any send.
            slot = pacer.WaitAsync(target, cancellationToken);
        }
    }
}
