using System.Net;

namespace Rizquna.Http.Tests;

/// <summary>The typed request carries the same marks as the options keys, and the handler honours them the same way.</summary>
public sealed class RizqunaRequestMessageTests
{
    private static readonly AccountRef Account = new(PlatformId.Facebook, "001", "page-1");

    private static (HttpClient Client, Func<int> Calls) Create(HttpStatusCode status, int circuitMinimumThroughput = 100)
    {
        var calls = 0;
        var inner = new Inner(() =>
        {
            Interlocked.Increment(ref calls);
            return new HttpResponseMessage(status);
        });
        var settings = new ResilienceSettings
        {
            RetryBaseDelay = TimeSpan.Zero,
            MaxRetryAttempts = 1,
            CircuitMinimumThroughput = circuitMinimumThroughput,
            CircuitFailureRatio = 0.5,
        };
        var client = new HttpClient(new ResilienceHandler(settings) { InnerHandler = inner }) { BaseAddress = new Uri("https://platform.test/") };
        return (client, () => Volatile.Read(ref calls));
    }

    [Fact]
    public void The_marks_are_fields_not_options()
    {
        using var request = new RizqunaRequestMessage(HttpMethod.Post, "feed").ForAccount(Account).MarkIdempotent();

        var typed = Assert.IsType<RizqunaRequestMessage>(request);
        Assert.Equal(Account.ToString(), typed.Account);
        Assert.True(typed.Idempotent);
        Assert.True(request.IsRetryable());
        Assert.False(request.Options.TryGetValue(RizqunaHttpRequest.AccountKey, out _));
    }

    [Fact]
    public async Task A_typed_content_creating_post_is_sent_once_and_an_idempotent_one_is_retried()
    {
        var (client, calls) = Create(HttpStatusCode.ServiceUnavailable);

        using (var create = new RizqunaRequestMessage(HttpMethod.Post, "feed").ForAccount(Account))
        using (await client.SendAsync(create))
        {
            Assert.Equal(1, calls());
        }

        using var status = new RizqunaRequestMessage(HttpMethod.Post, "status").ForAccount(Account).MarkIdempotent();
        using var answered = await client.SendAsync(status);
        Assert.Equal(3, calls()); // one try plus its one retry
    }

    [Fact]
    public async Task Typed_and_option_marked_requests_of_one_account_share_its_circuit()
    {
        var (client, calls) = Create(HttpStatusCode.InternalServerError, circuitMinimumThroughput: 2);

        using (var typed = new RizqunaRequestMessage(HttpMethod.Post, "feed").ForAccount(Account))
        using (await client.SendAsync(typed))
        using (var plain = new HttpRequestMessage(HttpMethod.Post, "feed").ForAccount(Account))
        using (await client.SendAsync(plain))
        {
        }

        using var next = new RizqunaRequestMessage(HttpMethod.Post, "feed").ForAccount(Account);
        await Assert.ThrowsAsync<Polly.CircuitBreaker.BrokenCircuitException>(() => client.SendAsync(next));
        Assert.Equal(2, calls());
    }

    private sealed class Inner(Func<HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(respond());
    }
}
