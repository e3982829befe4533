using System.Net;
using Polly.Timeout;
using Rizquna.Http;

namespace Rizquna.Http.Tests;

public sealed class ResilienceHandlerTests
{
    private static ResilienceSettings FastSettings() => new()
    {
        RetryBaseDelay = TimeSpan.Zero,
        MaxRetryAttempts = 3,
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(30),
        CircuitMinimumThroughput = 100,
    };

    private static (HttpClient Client, ScriptedHandler Inner) Create(Func<int, HttpResponseMessage?> respond, ResilienceSettings? settings = null)
    {
        var inner = new ScriptedHandler(respond);
        var handler = new ResilienceHandler(settings ?? FastSettings()) { InnerHandler = inner };
        return (new HttpClient(handler) { BaseAddress = new Uri("https://platform.test/") }, inner);
    }

    [Fact]
    public async Task A_read_is_retried_on_503_until_it_succeeds()
    {
        var (client, inner) = Create(n => n < 3 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : new HttpResponseMessage(HttpStatusCode.OK));

        using var response = await client.GetAsync("status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task A_content_creating_post_is_sent_exactly_once_even_on_503()
    {
        var (client, inner) = Create(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));

        using var response = await client.PostAsync("feed", new StringContent("message=hi"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task A_post_marked_idempotent_is_retried()
    {
        var (client, inner) = Create(n => n == 1 ? new HttpResponseMessage(HttpStatusCode.BadGateway) : new HttpResponseMessage(HttpStatusCode.OK));
        using var request = new HttpRequestMessage(HttpMethod.Post, "status/fetch") { Content = new StringContent("{}") };
        request.MarkIdempotent();

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task A_long_retry_after_is_handed_back_instead_of_slept_through()
    {
        var (client, inner) = Create(_ =>
        {
            var r = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(10));
            return r;
        });

        using var response = await client.GetAsync("status");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        var (client, inner) = Create(_ => new HttpResponseMessage(HttpStatusCode.BadRequest));

        using var response = await client.GetAsync("status");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task A_post_that_times_out_becomes_outcome_unknown_and_is_not_resent()
    {
        var settings = FastSettings();
        settings.AttemptTimeout = TimeSpan.FromMilliseconds(50);
        var inner = new ScriptedHandler(_ => null); // never answers
        var client = new HttpClient(new ResilienceHandler(settings) { InnerHandler = inner }) { BaseAddress = new Uri("https://platform.test/") };

        var thrown = await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.PostAsync("media_publish", new StringContent("x")));
        var mapped = TransportFailure.Map(PlatformId.Instagram, thrown, createsContent: true, CancellationToken.None);

        Assert.Equal(1, inner.Calls);
        Assert.NotNull(mapped);
        Assert.Equal(PlatformErrorKind.OutcomeUnknown, mapped!.Kind);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_mapped_to_a_platform_failure()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var ex = new TaskCanceledException();

        Assert.Null(TransportFailure.Map(PlatformId.Telegram, ex, createsContent: true, cts.Token));
        await Task.CompletedTask;
    }

    [Fact]
    public void A_connection_that_was_never_made_is_transient_even_for_a_create()
    {
        var ex = new HttpRequestException(HttpRequestError.ConnectionError, "refused");

        var mapped = TransportFailure.Map(PlatformId.Facebook, ex, createsContent: true, CancellationToken.None);

        Assert.Equal(PlatformErrorKind.Transient, mapped!.Kind);
    }

    [Fact]
    public async Task Failed_creates_and_reads_of_one_account_share_its_circuit()
    {
        var settings = FastSettings();
        settings.MaxRetryAttempts = 1;
        settings.CircuitMinimumThroughput = 2;
        settings.CircuitFailureRatio = 0.5;
        var (client, inner) = Create(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError), settings);
        var account = new AccountRef(PlatformId.Facebook, "001", "page-1");

        for (var i = 0; i < 2; i++)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, "feed").ForAccount(account);
            using var failed = await client.SendAsync(post);
        }

        using var read = new HttpRequestMessage(HttpMethod.Get, "me").ForAccount(account);
        await Assert.ThrowsAsync<Polly.CircuitBreaker.BrokenCircuitException>(() => client.SendAsync(read));
        Assert.Equal(2, inner.Calls);

        // Another account's circuit is untouched.
        using var other = new HttpRequestMessage(HttpMethod.Get, "me").ForAccount(new AccountRef(PlatformId.Facebook, "002", "page-2"));
        using var answered = await client.SendAsync(other);
        Assert.Equal(4, inner.Calls); // a read: one try plus its one retry
        Assert.Equal(HttpStatusCode.InternalServerError, answered.StatusCode);
    }
}
