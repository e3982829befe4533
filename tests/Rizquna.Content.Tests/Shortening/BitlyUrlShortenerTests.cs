using System.Net;
using System.Text.Json;
using RichardSzalay.MockHttp;
using Rizquna.Content;
using Rizquna.Testing;

namespace Rizquna.Content.Tests.Shortening;

public sealed class BitlyUrlShortenerTests
{
    private const string Token = "bitly-secret-token-0123456789";
    private const string LongUrl = "https://rizquna.id/promo?utm_source=x&utm_medium=social";
    private const string Endpoint = "https://api-ssl.bitly.com/v4/shorten";

    private readonly MockHttpMessageHandler _http = new();
    private readonly ListLogger<BitlyUrlShortener> _logger = new();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));

    private BitlyUrlShortener Create(string? token = Token, string? domain = null, string? group = null) =>
        new(_http.ToHttpClient(), new BitlyOptions { AccessToken = token, Domain = domain, GroupGuid = group }, _logger, _time);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Without_a_token_returns_the_url_without_calling_bitly(string? token)
    {
        var result = await Create(token).ShortenAsync(LongUrl);

        Assert.Equal(LongUrl, result);
        Assert.Equal(0, _http.GetMatchCount(_http.When("*")));
    }

    [Theory]
    [InlineData(HttpStatusCode.Created)]
    [InlineData(HttpStatusCode.OK)]
    public async Task Returns_the_bitlink_for_201_and_200(HttpStatusCode status)
    {
        string? sentBody = null;
        _http.Expect(HttpMethod.Post, Endpoint)
            .WithHeaders("Authorization", "Bearer " + Token)
            .With(request =>
            {
                sentBody = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
                return true;
            })
            .Respond(status, "application/json",
                """{"created_at":"2024-01-01T00:00:00+0000","id":"bit.ly/3abcDEF","link":"https://bit.ly/3abcDEF","custom_bitlinks":[],"long_url":"https://rizquna.id/promo","archived":false,"tags":[],"deeplinks":[],"references":{"group":"https://api-ssl.bitly.com/v4/groups/Ba1bc23dE4F"}}""");

        var result = await Create(domain: "bit.ly", group: "Ba1bc23dE4F").ShortenAsync(LongUrl);

        Assert.Equal("https://bit.ly/3abcDEF", result);
        _http.VerifyNoOutstandingExpectation();
        using var json = JsonDocument.Parse(sentBody!);
        Assert.Equal(LongUrl, json.RootElement.GetProperty("long_url").GetString());
        Assert.Equal("bit.ly", json.RootElement.GetProperty("domain").GetString());
        Assert.Equal("Ba1bc23dE4F", json.RootElement.GetProperty("group_guid").GetString());
    }

    [Fact]
    public async Task Omits_domain_and_group_when_not_set()
    {
        string? sentBody = null;
        _http.When(HttpMethod.Post, Endpoint)
            .With(request => (sentBody = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult()) is not null)
            .Respond(HttpStatusCode.Created, "application/json", """{"link":"https://bit.ly/x"}""");

        await Create().ShortenAsync(LongUrl);

        using var json = JsonDocument.Parse(sentBody!);
        Assert.Equal(["long_url"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(LongUrl, json.RootElement.GetProperty("long_url").GetString());
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, """{"message":"INVALID_ARG_LONG_URL","resource":"bitlinks","description":"The value provided is invalid.","errors":[{"field":"long_url","error_code":"invalid"}]}""", PlatformErrorKind.InvalidContent, "INVALID_ARG_LONG_URL")]
    [InlineData(HttpStatusCode.Forbidden, """{"message":"FORBIDDEN","resource":"bitlinks","description":"You are currently forbidden to access this resource."}""", PlatformErrorKind.Forbidden, "FORBIDDEN")]
    [InlineData(HttpStatusCode.TooManyRequests, """{"message":"MONTHLY_ENCODE_LIMIT_REACHED","resource":"bitlinks","description":"Monthly limit reached."}""", PlatformErrorKind.RateLimited, "MONTHLY_ENCODE_LIMIT_REACHED")]
    [InlineData(HttpStatusCode.Unauthorized, """{"message":"INVALID_ACCESS_TOKEN"}""", PlatformErrorKind.AuthExpired, "INVALID_ACCESS_TOKEN")]
    [InlineData(HttpStatusCode.InternalServerError, "<html>oops</html>", PlatformErrorKind.Transient, null)]
    [InlineData(HttpStatusCode.NotFound, "", PlatformErrorKind.Permanent, null)]
    public async Task Maps_errors_to_platform_exception(HttpStatusCode status, string body, PlatformErrorKind kind, string? code)
    {
        _http.When(HttpMethod.Post, Endpoint).Respond(status, "application/json", body);

        var exception = await Assert.ThrowsAsync<PlatformException>(() => Create().ShortenAsync(LongUrl).AsTask());

        Assert.Equal(BitlyUrlShortener.Platform, exception.Platform);
        Assert.Equal("bitly", exception.Platform.Value);
        Assert.Equal(kind, exception.Kind);
        Assert.Equal(code, exception.PlatformCode);
        Assert.Equal((int)status, exception.HttpStatus);
        Assert.Equal(body, exception.RawBody);
        if (code is not null)
        {
            Assert.Contains(code, exception.Message);
        }
    }

    [Fact]
    public async Task Rate_limit_carries_retry_after()
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("""{"message":"RATE_LIMIT_EXCEEDED"}""") };
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(90));
        _http.When(HttpMethod.Post, Endpoint).Respond(_ => response);

        var exception = await Assert.ThrowsAsync<PlatformException>(() => Create().ShortenAsync(LongUrl).AsTask());

        Assert.Equal(PlatformErrorKind.RateLimited, exception.Kind);
        Assert.Equal(TimeSpan.FromSeconds(90), exception.RetryAfter);
    }

    [Fact]
    public async Task Token_echoed_by_the_platform_is_redacted_from_exception_and_logs()
    {
        _http.When(HttpMethod.Post, Endpoint).Respond(HttpStatusCode.Forbidden, "application/json",
            $$"""{"message":"FORBIDDEN","description":"token {{Token}} is not allowed"}""");

        var exception = await Assert.ThrowsAsync<PlatformException>(() => Create().ShortenAsync(LongUrl).AsTask());

        Assert.DoesNotContain(Token, exception.Message);
        Assert.DoesNotContain(Token, exception.RawBody);
        Assert.DoesNotContain(Token, exception.ToString());
        Assert.NotEmpty(_logger.Lines);
        Assert.All(_logger.Lines, line => Assert.DoesNotContain(Token, line));
    }

    [Fact]
    public async Task Successful_call_logs_no_token()
    {
        _http.When(HttpMethod.Post, Endpoint).Respond(HttpStatusCode.Created, "application/json", """{"link":"https://bit.ly/x"}""");

        await Create().ShortenAsync(LongUrl);

        Assert.NotEmpty(_logger.Lines);
        Assert.All(_logger.Lines, line => Assert.DoesNotContain(Token, line));
    }

    [Fact]
    public async Task A_success_without_a_link_is_a_permanent_failure()
    {
        _http.When(HttpMethod.Post, Endpoint).Respond(HttpStatusCode.OK, "application/json", """{"id":"bit.ly/x"}""");

        var exception = await Assert.ThrowsAsync<PlatformException>(() => Create().ShortenAsync(LongUrl).AsTask());

        Assert.Equal(PlatformErrorKind.Permanent, exception.Kind);
    }

    [Fact]
    public async Task Connection_failure_is_transient()
    {
        _http.When(HttpMethod.Post, Endpoint).Throw(new HttpRequestException("refused", null, HttpStatusCode.ServiceUnavailable));

        var exception = await Assert.ThrowsAsync<PlatformException>(() => Create().ShortenAsync(LongUrl).AsTask());

        Assert.Equal(PlatformErrorKind.Transient, exception.Kind);
    }

    [Fact]
    public async Task Callers_cancellation_propagates_as_is()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        _http.When(HttpMethod.Post, Endpoint).Respond(HttpStatusCode.Created, "application/json", """{"link":"https://bit.ly/x"}""");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Create().ShortenAsync(LongUrl, cancellation.Token).AsTask());
    }

    [Theory]
    [InlineData("/relative")]
    [InlineData("ftp://rizquna.id/x")]
    [InlineData("")]
    public async Task Rejects_a_url_that_is_not_absolute_http(string url)
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => Create().ShortenAsync(url).AsTask());

        Assert.Equal("longUrl", exception.ParamName);
    }

    [Fact]
    public async Task Pass_through_returns_the_url()
    {
        Assert.Equal(LongUrl, await PassThroughUrlShortener.Instance.ShortenAsync(LongUrl));
    }
}
