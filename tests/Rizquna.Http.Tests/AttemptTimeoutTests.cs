using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Rizquna.Http;
using Rizquna.Testing;

namespace Rizquna.Http.Tests;

/// <summary>
/// The attempt timeout of <see cref="ResilienceHandler"/> (its own <c>AttemptTimer</c>, not a Polly strategy): what a timed-out
/// attempt becomes, how it meets the caller's cancellation, the retry rule and the circuit, and that a reused token source
/// never carries one attempt's state into the next.
/// </summary>
public sealed class AttemptTimeoutTests
{
    private static readonly Uri Base = new("https://platform.test/");

    private static ResilienceSettings Settings(TimeSpan attempt) => new()
    {
        RetryBaseDelay = TimeSpan.Zero,
        MaxRetryAttempts = 2,
        AttemptTimeout = attempt,
        TotalTimeout = TimeSpan.FromMinutes(1),
        CircuitMinimumThroughput = 100,
    };

    [Fact]
    public async Task An_attempt_times_out_on_the_handlers_clock_and_fails_with_TimeoutRejectedException()
    {
        var clock = new ManualTimeProvider();
        var inner = new ScriptedHandler(Hang);
        using var client = new HttpClient(new ResilienceHandler(Settings(TimeSpan.FromSeconds(30)), clock) { InnerHandler = inner }) { BaseAddress = Base };

        var sending = client.PostAsync("feed", new StringContent("x"));
        await inner.Started.Task;
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(sending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        var thrown = await Assert.ThrowsAsync<TimeoutRejectedException>(() => sending);
        Assert.Equal(TimeSpan.FromSeconds(30), thrown.Timeout);
        Assert.IsAssignableFrom<OperationCanceledException>(thrown.InnerException);
        Assert.Equal(1, inner.Calls); // a create is never re-sent
    }

    [Fact]
    public async Task The_shorter_total_timeout_bounds_a_single_attempt()
    {
        var clock = new ManualTimeProvider();
        var settings = Settings(TimeSpan.FromMinutes(5));
        settings.TotalTimeout = TimeSpan.FromSeconds(10);
        var inner = new ScriptedHandler(Hang);
        using var client = new HttpClient(new ResilienceHandler(settings, clock) { InnerHandler = inner }) { BaseAddress = Base };

        var sending = client.PostAsync("feed", new StringContent("x"));
        await inner.Started.Task;
        clock.Advance(TimeSpan.FromSeconds(10));

        var thrown = await Assert.ThrowsAsync<TimeoutRejectedException>(() => sending);
        Assert.Equal(TimeSpan.FromSeconds(10), thrown.Timeout);
    }

    [Fact]
    public async Task The_callers_cancellation_propagates_as_cancellation_not_as_a_timeout()
    {
        var inner = new ScriptedHandler(Hang);
        using var client = new HttpClient(new ResilienceHandler(Settings(TimeSpan.FromMinutes(1))) { InnerHandler = inner }) { BaseAddress = Base };
        using var caller = new CancellationTokenSource();

        var sending = client.PostAsync("feed", new StringContent("x"), caller.Token);
        await inner.Started.Task;
        await caller.CancelAsync();

        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.IsNotType<TimeoutRejectedException>(thrown);
        Assert.Null(TransportFailure.Map(PlatformId.Telegram, thrown, createsContent: true, caller.Token));
    }

    [Fact]
    public async Task A_read_whose_attempt_timed_out_is_retried()
    {
        var clock = new ManualTimeProvider();
        var inner = new ScriptedHandler(call => call == 1 ? Hang(call) : Ok(call));
        using var client = new HttpClient(new ResilienceHandler(Settings(TimeSpan.FromSeconds(5)), clock) { InnerHandler = inner }) { BaseAddress = Base };

        var sending = client.GetAsync("status");
        await inner.Started.Task;
        clock.Advance(TimeSpan.FromSeconds(5));

        using var response = await sending.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task Timed_out_attempts_count_as_failures_for_the_accounts_circuit()
    {
        var clock = new ManualTimeProvider();
        var settings = Settings(TimeSpan.FromSeconds(5));
        settings.CircuitMinimumThroughput = 2;
        settings.CircuitFailureRatio = 0.5;
        var inner = new ScriptedHandler(Hang);
        using var client = new HttpClient(new ResilienceHandler(settings, clock) { InnerHandler = inner }) { BaseAddress = Base };
        var account = new AccountRef(PlatformId.Facebook, "001", "page-1");

        for (var i = 0; i < 2; i++)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, "feed") { Content = new StringContent("x") }.ForAccount(account);
            var sending = client.SendAsync(post);
            await inner.WaitForCallAsync(i + 1);
            clock.Advance(TimeSpan.FromSeconds(5));
            await Assert.ThrowsAsync<TimeoutRejectedException>(() => sending);
        }

        using var next = new HttpRequestMessage(HttpMethod.Post, "feed") { Content = new StringContent("x") }.ForAccount(account);
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.SendAsync(next));
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task A_reused_token_source_carries_neither_a_timeout_nor_an_old_callers_cancellation_into_the_next_attempt()
    {
        // System clock, so the handler reuses its token source on this thread. Each attempt records the token it ran under.
        // An invoker, not an HttpClient: HttpClient would link the caller's token into its own source and unlink it.
        var tokens = new List<CancellationToken>();
        var inner = new ScriptedHandler(Ok, tokens);
        using var invoker = new HttpMessageInvoker(new ResilienceHandler(Settings(TimeSpan.FromMinutes(1))) { InnerHandler = inner });
        using var firstCaller = new CancellationTokenSource();

        using (var first = new HttpRequestMessage(HttpMethod.Post, new Uri(Base, "feed")) { Content = new StringContent("x") })
        using (await invoker.SendAsync(first, firstCaller.Token))
        {
        }

        // The first caller cancels after its call ended (synchronously: the next call must run on this thread, where the
        // spare source is kept): the next attempt's token must not see it.
        firstCaller.Cancel();
        using (var second = new HttpRequestMessage(HttpMethod.Post, new Uri(Base, "feed")) { Content = new StringContent("x") })
        using (var response = await invoker.SendAsync(second, CancellationToken.None))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(2, tokens.Count);
        Assert.All(tokens, token => Assert.False(token.IsCancellationRequested));
    }

    [Fact]
    public async Task After_a_timed_out_attempt_the_next_attempt_starts_with_a_fresh_token()
    {
        var inner = new ScriptedHandler(call => call == 1 ? Hang(call) : Ok(call));
        using var client = new HttpClient(new ResilienceHandler(Settings(TimeSpan.FromMilliseconds(50))) { InnerHandler = inner }) { BaseAddress = Base };

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.PostAsync("feed", new StringContent("x")));
        using var response = await client.PostAsync("feed", new StringContent("x"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, inner.Calls);
    }

    private static HttpResponseMessage? Ok(int call) => new(HttpStatusCode.OK);

    /// <summary>No answer: the attempt waits until its token is cancelled.</summary>
    private static HttpResponseMessage? Hang(int call) => null;
}
