using System.Diagnostics;

namespace Rizquna.Connectors.Telegram.Tests;

/// <summary>Bursts are queued by the pacer and released on the manual clock's ticks: no real sleeping, exact instants.</summary>
public sealed class PacingTests
{
    [Fact]
    public async Task A_burst_of_50_messages_to_one_chat_goes_out_one_per_second()
    {
        using var host = new TelegramTestHost(pacing: true);
        host.AnswerSendsWithMessages();
        var start = host.Clock.GetUtcNow();
        var account = TelegramTestHost.Account with { PlatformAccountId = "4242" }; // a private chat: 1/s

        var times = await Burst(host, account, 50);

        Assert.Equal(Enumerable.Range(0, 50).Select(i => TimeSpan.FromSeconds(i)), times.Select(t => t - start));
    }

    [Fact]
    public async Task A_burst_to_a_channel_keeps_to_20_per_minute()
    {
        using var host = new TelegramTestHost(pacing: true);
        host.AnswerSendsWithMessages();
        var start = host.Clock.GetUtcNow();

        var times = await Burst(host, TelegramTestHost.Account, 50);

        foreach (var t in times)
        {
            Assert.True(times.Count(other => other >= t && other < t + TimeSpan.FromMinutes(1)) <= 20);
        }

        Assert.Equal(TimeSpan.FromSeconds(19), times[19] - start); // the first 20 at 1/s
        Assert.Equal(TimeSpan.FromSeconds(60), times[20] - start); // then the window must slide
        Assert.True(times[^1] - start >= TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task Without_pacing_a_burst_goes_out_at_once()
    {
        using var host = new TelegramTestHost(pacing: false);
        host.AnswerSendsWithMessages();
        var start = host.Clock.GetUtcNow();

        var publisher = host.Get<TelegramPublisher>();
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            publisher.PublishAsync(new PublishRequest(TelegramTestHost.Account, new Post { Text = "m" + i }, "k" + i))));

        Assert.All(host.Calls, c => Assert.Equal(start, c.At));
    }

    [Fact]
    public async Task A_full_queue_is_reported_as_rate_limited()
    {
        using var host = new TelegramTestHost(o => o.Pacing.QueueLimit = 1, pacing: true);
        host.AnswerSendsWithMessages();
        var publisher = host.Get<TelegramPublisher>();
        var account = TelegramTestHost.Account with { PlatformAccountId = "4242" };

        await publisher.PublishAsync(new PublishRequest(account, new Post { Text = "1" }, "k1")); // takes the token
        var queued = publisher.PublishAsync(new PublishRequest(account, new Post { Text = "2" }, "k2")); // waits
        var ex = await Assert.ThrowsAsync<PlatformException>(() =>
            publisher.PublishAsync(new PublishRequest(account, new Post { Text = "3" }, "k3")));

        Assert.Equal(PlatformErrorKind.RateLimited, ex.Kind);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await queued;
    }

    [Fact]
    public async Task A_short_429_is_waited_out_on_the_clock_and_the_message_sent_once_more()
    {
        using var host = new TelegramTestHost();
        var calls = 0;
        host.On("sendMessage", _ => Interlocked.Increment(ref calls) == 1
            ? (System.Net.HttpStatusCode.TooManyRequests, TelegramTestHost.Error(429, "Too Many Requests: retry after 5", "{\"retry_after\":5}"))
            : (System.Net.HttpStatusCode.OK, TelegramTestHost.Ok(TelegramTestHost.MessageJson(9))));
        var start = host.Clock.GetUtcNow();

        var publish = host.Get<TelegramPublisher>().PublishAsync(new PublishRequest(TelegramTestHost.Account, new Post { Text = "x" }, "k"));
        await WaitUntil(() => host.Clock.NextTimerDue == start + TimeSpan.FromSeconds(5), Stopwatch.StartNew());
        Assert.False(publish.IsCompleted);
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        var result = await publish;

        Assert.Equal("-1001234567890:9", result.PlatformPostId);
        Assert.Equal([start, start + TimeSpan.FromSeconds(5)], host.Calls.Select(c => c.At));
    }

    [Fact]
    public async Task A_long_429_fails_the_send_and_holds_the_chat_for_the_next_one()
    {
        using var host = new TelegramTestHost();
        var calls = 0;
        host.On("sendMessage", _ => Interlocked.Increment(ref calls) == 1
            ? (System.Net.HttpStatusCode.TooManyRequests, TelegramTestHost.Error(429, "Too Many Requests: retry after 35", "{\"retry_after\":35}"))
            : (System.Net.HttpStatusCode.OK, TelegramTestHost.Ok(TelegramTestHost.MessageJson(9))));
        var publisher = host.Get<TelegramPublisher>();
        var start = host.Clock.GetUtcNow();

        var ex = await Assert.ThrowsAsync<PlatformException>(() =>
            publisher.PublishAsync(new PublishRequest(TelegramTestHost.Account, new Post { Text = "x" }, "k1")));
        var next = publisher.PublishAsync(new PublishRequest(TelegramTestHost.Account, new Post { Text = "y" }, "k2"));
        await WaitUntil(() => host.Clock.NextTimerDue == start + TimeSpan.FromSeconds(35), Stopwatch.StartNew());
        host.Clock.Advance(TimeSpan.FromSeconds(35));
        await next;

        Assert.Equal(PlatformErrorKind.RateLimited, ex.Kind);
        Assert.Equal(TimeSpan.FromSeconds(35), ex.RetryAfter);
        Assert.Equal([start, start + TimeSpan.FromSeconds(35)], host.Calls.Select(c => c.At));
    }

    /// <summary>Starts <paramref name="count"/> publishes at once, then moves the clock a second at a time whenever every send is either done or queued.</summary>
    private static async Task<List<DateTimeOffset>> Burst(TelegramTestHost host, AccountRef account, int count)
    {
        var publisher = host.Get<TelegramPublisher>();
        var pacer = host.Get<TelegramPacer>();
        var sends = Enumerable.Range(0, count)
            .Select(i => publisher.PublishAsync(new PublishRequest(account, new Post { Text = "m" + i }, "k" + i)))
            .ToArray();

        var guard = Stopwatch.StartNew(); // only a hang guard, not a timing assertion
        while (host.Calls.Count < count)
        {
            await WaitUntil(() => host.Calls.Count + pacer.QueuedCount >= count, guard);
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await Task.WhenAll(sends);
        return [.. host.Calls.Select(c => c.At).Order()];
    }

    private static async Task WaitUntil(Func<bool> condition, Stopwatch guard)
    {
        while (!condition())
        {
            Assert.True(guard.Elapsed < TimeSpan.FromMinutes(1), "the burst stopped making progress");
            await Task.Yield();
        }
    }
}
