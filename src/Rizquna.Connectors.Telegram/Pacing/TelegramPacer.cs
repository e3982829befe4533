using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Rizquna.Connectors.Telegram.BotApi;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// Queues sends so that Telegram's flood limits are respected instead of discovered through 429s: N per second per chat,
/// N per minute per group or channel, N per second overall. Each is a <see cref="SlidingLogRateLimiter"/> on the injected
/// <see cref="TimeProvider"/>, so a manual clock drives them in tests and nothing depends on the wall clock.
/// </summary>
internal sealed class TelegramPacer : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(5);

    private readonly TelegramPacingOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly RateLimiter _global;
    private readonly ConcurrentDictionary<string, ChatLimiters> _chats = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _holds = new(StringComparer.Ordinal);
    private int _sweepCountdown = 1_000;
    private volatile bool _anyHold; // set by the first 429: until then a send with pacing off does no lookup at all

    public TelegramPacer(TelegramPacingOptions options, TimeProvider timeProvider)
    {
        _options = options;
        _timeProvider = timeProvider;
        _global = new SlidingLogRateLimiter(options.GlobalPerSecond, Second, options.QueueLimit, timeProvider);
    }

    /// <summary>Sends waiting for a slot, across all limiters (for tests and diagnostics).</summary>
    public long QueuedCount
    {
        get
        {
            var queued = _global.GetStatistics()?.CurrentQueuedCount ?? 0;
            foreach (var chat in _chats.Values)
            {
                queued += chat.PerSecond.GetStatistics()?.CurrentQueuedCount ?? 0;
                queued += chat.PerMinute?.GetStatistics()?.CurrentQueuedCount ?? 0;
            }

            return queued;
        }
    }

    /// <summary>Waits until one message may be sent to <paramref name="chatId"/>.</summary>
    /// <exception cref="PlatformException">The queue is full (<see cref="PlatformErrorKind.RateLimited"/>).</exception>
    public ValueTask WaitAsync(string chatId, CancellationToken cancellationToken) =>
        // Pacing off and no 429 seen yet: nothing to wait for, and no state machine to run.
        !_anyHold && !_options.Enabled ? default : WaitCoreAsync(chatId, cancellationToken);

    private async ValueTask WaitCoreAsync(string chatId, CancellationToken cancellationToken)
    {
        // A 429's retry_after is honoured even with pacing off: it is Telegram's word, not our guess.
        if (_anyHold && _holds.TryGetValue(chatId, out var until))
        {
            var remaining = until - _timeProvider.GetUtcNow();
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining, _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            _holds.TryRemove(new KeyValuePair<string, DateTimeOffset>(chatId, until));
        }

        if (!_options.Enabled)
        {
            return;
        }

        SweepIdleChats();
        var started = _timeProvider.GetTimestamp();
        var chat = _chats.GetOrAdd(chatId, static (id, self) => self.CreateChat(id), this);
        // Narrowest first: a message waiting for its chat holds no global slot meanwhile.
        await AcquireAsync(chat.PerSecond, cancellationToken).ConfigureAwait(false);
        if (chat.PerMinute is { } perMinute)
        {
            await AcquireAsync(perMinute, cancellationToken).ConfigureAwait(false);
        }

        await AcquireAsync(_global, cancellationToken).ConfigureAwait(false);
        if (TelegramTelemetry.PacingWait.Enabled)
        {
            TelegramTelemetry.PacingWait.Record(_timeProvider.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>Keeps sends to <paramref name="chatId"/> waiting for <paramref name="wait"/> (after a 429's retry_after).</summary>
    public void Hold(string chatId, TimeSpan wait)
    {
        var until = _timeProvider.GetUtcNow() + wait;
        _holds.AddOrUpdate(chatId, static (_, later) => later, static (_, held, later) => later > held ? later : held, until);
        _anyHold = true;
    }

    private static async ValueTask AcquireAsync(RateLimiter limiter, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new PlatformException(PlatformId.Telegram, PlatformErrorKind.RateLimited,
                "telegram: too many messages are already waiting for a send slot (Rizquna:Telegram:Pacing:QueueLimit).")
            {
                RetryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > Second ? wait : Second,
            };
        }
    }

    private ChatLimiters CreateChat(string chatId) => new(
        new SlidingLogRateLimiter(_options.PerChatPerSecond, Second, _options.QueueLimit, _timeProvider),
        TelegramChatId.IsGroupOrChannel(chatId)
            ? new SlidingLogRateLimiter(_options.PerGroupPerMinute, TimeSpan.FromMinutes(1), _options.QueueLimit, _timeProvider)
            : null);

    /// <summary>Now and then, forgets chats idle for minutes, so replying to many users does not grow the map forever.</summary>
    private void SweepIdleChats()
    {
        if (Interlocked.Decrement(ref _sweepCountdown) > 0)
        {
            return;
        }

        _sweepCountdown = 1_000;
        foreach (var (chatId, chat) in _chats)
        {
            if (chat.PerSecond.IdleDuration > IdleLimit && (chat.PerMinute is null || chat.PerMinute.IdleDuration > IdleLimit))
            {
                // Not disposed: a caller that fetched it a moment ago finds it idle and passes at once.
                _chats.TryRemove(new KeyValuePair<string, ChatLimiters>(chatId, chat));
            }
        }
    }

    public void Dispose()
    {
        _global.Dispose();
        foreach (var chat in _chats.Values)
        {
            chat.PerSecond.Dispose();
            chat.PerMinute?.Dispose();
        }
    }

    private sealed record ChatLimiters(RateLimiter PerSecond, RateLimiter? PerMinute);
}
