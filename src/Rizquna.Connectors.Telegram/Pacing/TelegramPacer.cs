using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Rizquna.Connectors.Telegram.BotApi;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// Queues sends so that Telegram's flood limits are respected instead of discovered through 429s: a token bucket per
/// chat (N/s), a sliding one-minute window per group or channel, and a global token bucket (N/s).
/// The limiters replenish by hand on a one-second tick of the injected <see cref="TimeProvider"/>, so a manual clock
/// drives them in tests and nothing depends on the wall clock.
/// </summary>
internal sealed class TelegramPacer : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private const int IdleSweepEveryTicks = 60;

    private readonly TelegramPacingOptions _options;
    private readonly TokenBucketRateLimiter _global;
    private readonly ConcurrentDictionary<string, ChatLimiters> _chats = new(StringComparer.Ordinal);
    private readonly ITimer? _ticker;
    private int _ticks;

    public TelegramPacer(TelegramPacingOptions options, TimeProvider timeProvider)
    {
        _options = options;
        _global = Bucket(options.GlobalPerSecond, options.QueueLimit);
        if (options.Enabled)
        {
            _ticker = timeProvider.CreateTimer(static state => ((TelegramPacer)state!).OnTick(), this, Tick, Tick);
        }
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
    public async ValueTask WaitAsync(string chatId, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var chat = _chats.GetOrAdd(chatId, static (id, self) => self.CreateChat(id), this);
        // Narrowest first: a message waiting for its chat does not hold a global slot meanwhile.
        await AcquireAsync(chat.PerSecond, cancellationToken).ConfigureAwait(false);
        if (chat.PerMinute is { } perMinute)
        {
            await AcquireAsync(perMinute, cancellationToken).ConfigureAwait(false);
        }

        await AcquireAsync(_global, cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask AcquireAsync(RateLimiter limiter, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new PlatformException(PlatformId.Telegram, PlatformErrorKind.RateLimited,
                "telegram: too many messages are already waiting for a send slot (Rizquna:Telegram:Pacing:QueueLimit).")
            {
                RetryAfter = Tick,
            };
        }
    }

    private ChatLimiters CreateChat(string chatId) => new(
        Bucket(_options.PerChatPerSecond, _options.QueueLimit),
        TelegramChatId.IsGroupOrChannel(chatId)
            ? new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = _options.PerGroupPerMinute,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 60, // one segment per tick
                AutoReplenishment = false,
                QueueLimit = _options.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            : null);

    private static TokenBucketRateLimiter Bucket(int perSecond, int queueLimit) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = perSecond,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = Tick,
        AutoReplenishment = false, // replenished by OnTick, from the TimeProvider
        QueueLimit = queueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private void OnTick()
    {
        // With AutoReplenishment off, each TryReplenish adds one period's tokens or moves the window one segment.
        _global.TryReplenish();
        var sweep = ++_ticks % IdleSweepEveryTicks == 0;
        foreach (var (chatId, chat) in _chats)
        {
            chat.PerSecond.TryReplenish();
            chat.PerMinute?.TryReplenish();
            if (sweep && chat.IsIdle(_options))
            {
                // Not disposed: a caller that fetched it a moment ago finds it full and passes at once.
                _chats.TryRemove(new KeyValuePair<string, ChatLimiters>(chatId, chat));
            }
        }
    }

    public void Dispose()
    {
        _ticker?.Dispose();
        _global.Dispose();
        foreach (var chat in _chats.Values)
        {
            chat.PerSecond.Dispose();
            chat.PerMinute?.Dispose();
        }
    }

    private sealed record ChatLimiters(TokenBucketRateLimiter PerSecond, SlidingWindowRateLimiter? PerMinute)
    {
        public bool IsIdle(TelegramPacingOptions options) =>
            PerSecond.GetStatistics() is { CurrentQueuedCount: 0 } s && s.CurrentAvailablePermits == options.PerChatPerSecond
            && (PerMinute is null
                || (PerMinute.GetStatistics() is { CurrentQueuedCount: 0 } m && m.CurrentAvailablePermits == options.PerGroupPerMinute));
    }
}
