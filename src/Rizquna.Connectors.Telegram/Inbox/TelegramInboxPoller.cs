using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Rizquna.Connectors.Telegram.BotApi;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// Reads a bot's updates with <c>getUpdates</c> long polling. The cursor is the next <c>offset</c> (last
/// <c>update_id</c> + 1): passing it confirms, and so deletes, everything before it on Telegram's side, which is why an
/// item's cursor should be persisted only after the item is stored. One poller per bot token: two would conflict (409).
/// </summary>
public sealed class TelegramInboxPoller : IInboxPoller
{
    private readonly BotApiClient _api;
    private readonly TelegramInboxOptions _options;
    private readonly TimeProvider _timeProvider;

    internal TelegramInboxPoller(BotApiClient api, IOptions<TelegramOptions> options, TimeProvider timeProvider)
    {
        _api = api;
        _options = options.Value.Inbox;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public PlatformId Platform => PlatformId.Telegram;

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="after"/> is not a cursor this poller made.</exception>
    public async IAsyncEnumerable<InboxItem> PollAsync(
        AccountRef account, InboxCursor? after, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        long? offset = null;
        if (after is not null)
        {
            if (!long.TryParse(after.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            {
                throw new ArgumentException($"'{after.Value}' is not a Telegram update offset.", nameof(after));
            }

            offset = parsed;
        }

        var botId = await _api.GetBotIdAsync(account, cancellationToken).ConfigureAwait(false);
        var allowed = _options.EffectiveAllowedUpdates;
        var read = 0;
        var first = true;
        while (read < _options.MaxUpdatesPerPoll)
        {
            var request = new GetUpdatesRequest
            {
                Offset = offset,
                Limit = Math.Min(_options.Limit, _options.MaxUpdatesPerPoll - read),
                // Only the first call waits: later pages are fetched because more are already there.
                Timeout = first ? _options.LongPollTimeoutSeconds : 0,
                AllowedUpdates = allowed,
            };
            first = false;
            var updates = await _api.CallAsync(account, "getUpdates", request, BotApiJsonContext.Wire.GetUpdatesRequest,
                BotApiJsonContext.Wire.ApiResponseJsonElementArray, createsContent: false, cancellationToken).ConfigureAwait(false);

            foreach (var element in updates)
            {
                var update = element.Deserialize(BotApiJsonContext.Wire.Update)!;
                offset = update.UpdateId + 1;
                read++;
                if (UpdateMapper.Map(account, update, element.GetRawText(), botId, _timeProvider.GetUtcNow()) is { } item)
                {
                    yield return item;
                }
            }

            if (updates.Length < request.Limit)
            {
                yield break;
            }
        }
    }
}
