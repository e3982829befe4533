using System.Net;
using RichardSzalay.MockHttp;

namespace Rizquna.Connectors.Waha.Tests;

/// <summary>Every WAHA error shape of platform-contracts.md §4.1 maps to the kind the kernel acts on.</summary>
public sealed class ErrorMappingTests
{
    private static Task<PublishResult> Send(WahaFixture f) =>
        f.Get<IEnumerable<IPublisher>>().Single().PublishAsync(new PublishRequest(WahaFixture.Account, new Post { Text = "hi" }, "k"));

    public static TheoryData<int, string, PlatformErrorKind> SendErrors() => new()
    {
        { 401, """{"message":"Unauthorized","statusCode":401}""", PlatformErrorKind.AuthExpired },
        { 403, """{"message":"Forbidden resource","error":"Forbidden","statusCode":403}""", PlatformErrorKind.Forbidden },
        { 404, """{"statusCode":404,"message":"We didn't find a session with name 'default'. Please start it first by using POST /sessions/start request","error":"Not Found"}""", PlatformErrorKind.Permanent },
        { 400, """{"statusCode":400,"message":["chatId must be a string"],"error":"Bad Request"}""", PlatformErrorKind.InvalidContent },
        { 422, """{"statusCode":422,"message":"The feature is available only in Plus version for 'WEBJS' engine","error":"Unprocessable Entity"}""", PlatformErrorKind.Permanent },
        { 422, """{"statusCode":422,"message":"WAHA Core support only 'default' session. If you want to run more then one WhatsApp account - please get WAHA PLUS version.","error":"Unprocessable Entity"}""", PlatformErrorKind.Permanent },
        { 500, """{"statusCode":500,"timestamp":"2024-10-23T08:00:00.000Z","exception":{"message":"Evaluation failed"},"request":{},"version":{}}""", PlatformErrorKind.OutcomeUnknown },
        { 502, "<html>Bad Gateway</html>", PlatformErrorKind.OutcomeUnknown },
    };

    [Theory]
    [MemberData(nameof(SendErrors))]
    public async Task A_send_error_maps_to_its_kind_after_exactly_one_attempt(int status, string body, PlatformErrorKind kind)
    {
        using var f = new WahaFixture();
        var route = f.Http.When(HttpMethod.Post, "http://waha.test/api/sendText").Respond((HttpStatusCode)status, "application/json", body);

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Send(f));

        Assert.Equal(kind, ex.Kind);
        Assert.Equal(status, ex.HttpStatus);
        Assert.Equal(PlatformId.WhatsApp, ex.Platform);
        Assert.Equal(1, f.Http.GetMatchCount(route)); // a send is never repeated by the HTTP layer
        AssertNoSecret(f, ex);
    }

    [Fact]
    public async Task A_429_is_rate_limited_with_retry_after()
    {
        using var f = new WahaFixture();
        f.Http.When(HttpMethod.Post, "http://waha.test/api/sendText").Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("""{"statusCode":429,"message":"ThrottlerException: Too Many Requests"}""") };
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(90));
            return response;
        });

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Send(f));

        Assert.Equal(PlatformErrorKind.RateLimited, ex.Kind);
        Assert.Equal(TimeSpan.FromSeconds(90), ex.RetryAfter);
    }

    [Fact]
    public async Task A_422_session_not_working_is_the_session_state_not_a_generic_failure()
    {
        using var f = new WahaFixture();
        f.Http.When(HttpMethod.Post, "http://waha.test/api/sendText").Respond((HttpStatusCode)422, "application/json",
            """{"error":"Session status is not as expected. Try again later or restart the session","session":"default","status":"SCAN_QR_CODE","expected":["WORKING"]}""");

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Send(f));

        Assert.Equal(PlatformErrorKind.ReauthorizationRequired, ex.Kind);
        Assert.Equal("SCAN_QR_CODE", ex.PlatformCode);
        Assert.Contains("scan the QR code", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_5xx_on_a_read_is_transient_and_retried()
    {
        using var f = new WahaFixture();
        var route = f.Http.When(HttpMethod.Get, "http://waha.test/api/sessions/default").Respond(HttpStatusCode.ServiceUnavailable);

        var ex = await Assert.ThrowsAsync<PlatformException>(() => f.Get<IEnumerable<ITokenInspector>>().Single().InspectAsync(WahaFixture.Account));

        Assert.Equal(PlatformErrorKind.Transient, ex.Kind);
        Assert.Equal(3, f.Http.GetMatchCount(route)); // one attempt plus MaxRetryAttempts = 2
    }

    [Fact]
    public async Task A_connection_lost_after_sending_is_outcome_unknown()
    {
        using var f = new WahaFixture();
        f.Http.When(HttpMethod.Post, "http://waha.test/api/sendText").Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "reset", new IOException("reset")));

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Send(f));

        Assert.Equal(PlatformErrorKind.OutcomeUnknown, ex.Kind);
    }

    [Fact]
    public async Task A_refused_connection_is_transient()
    {
        using var f = new WahaFixture();
        f.Http.When(HttpMethod.Post, "http://waha.test/api/sendText").Throw(new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Send(f));

        Assert.Equal(PlatformErrorKind.Transient, ex.Kind);
    }

    [Fact]
    public async Task An_echoed_api_key_is_redacted_from_the_exception_and_logs()
    {
        using var f = new WahaFixture();
        f.Http.When(HttpMethod.Post, "http://waha.test/api/sendText").Respond(HttpStatusCode.Unauthorized, "application/json",
            $$"""{"message":"Invalid key {{WahaFixture.ApiKey}}","statusCode":401}""");

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Send(f));

        Assert.Equal(PlatformErrorKind.AuthExpired, ex.Kind);
        AssertNoSecret(f, ex);
        Assert.Contains("***", ex.RawBody, StringComparison.Ordinal);
    }

    internal static void AssertNoSecret(WahaFixture f, Exception ex)
    {
        Assert.DoesNotContain(WahaFixture.ApiKey, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(WahaFixture.ApiKey, (ex as PlatformException)?.RawBody ?? string.Empty, StringComparison.Ordinal);
        foreach (var line in f.Logs.Lines)
        {
            Assert.DoesNotContain(WahaFixture.ApiKey, line, StringComparison.Ordinal);
        }
    }
}

public sealed class SecretHygieneTests
{
    [Fact]
    public async Task The_api_key_reaches_no_log_line_at_any_level_on_success_or_failure()
    {
        using var f = new WahaFixture();
        f.Http.Expect(HttpMethod.Post, "http://waha.test/api/sendText").Respond(System.Net.HttpStatusCode.Created, "application/json", """{"id":"m1"}""");
        f.Http.Expect(HttpMethod.Post, "http://waha.test/api/sendText").Respond(System.Net.HttpStatusCode.BadRequest, "application/json", """{"statusCode":400,"message":"bad"}""");
        var publisher = f.Get<IEnumerable<IPublisher>>().Single();

        await publisher.PublishAsync(new PublishRequest(WahaFixture.Account, new Post { Text = "a" }, "k1"));
        var ex = await Assert.ThrowsAsync<PlatformException>(() => publisher.PublishAsync(new PublishRequest(WahaFixture.Account, new Post { Text = "b" }, "k2")));

        Assert.NotEmpty(f.Logs.Lines); // the failure was logged…
        ErrorMappingTests.AssertNoSecret(f, ex); // …without the key
    }
}
