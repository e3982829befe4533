using System.Threading.RateLimiting;
using Rizquna.Testing;

namespace Rizquna.Connectors.Telegram.Tests;

public sealed class SlidingLogRateLimiterTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task Permits_return_when_the_oldest_grant_leaves_the_window()
    {
        using var limiter = new SlidingLogRateLimiter(2, TimeSpan.FromSeconds(10), 10, _clock);

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        var refused = limiter.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(6), retryAfter);

        var waiting = limiter.AcquireAsync(1).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(waiting.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await waiting).IsAcquired);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue()
    {
        using var limiter = new SlidingLogRateLimiter(1, TimeSpan.FromSeconds(1), 10, _clock);
        limiter.AttemptAcquire();
        using var cts = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(1, cts.Token).AsTask();
        Assert.Equal(1, limiter.GetStatistics()!.CurrentQueuedCount);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, limiter.GetStatistics()!.CurrentQueuedCount);
    }

    [Fact]
    public void Idle_duration_counts_from_the_last_grant_once_the_window_is_empty()
    {
        using var limiter = new SlidingLogRateLimiter(1, TimeSpan.FromSeconds(1), 10, _clock);
        limiter.AttemptAcquire();
        Assert.Null(limiter.IdleDuration);

        _clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), limiter.IdleDuration);
    }
}
