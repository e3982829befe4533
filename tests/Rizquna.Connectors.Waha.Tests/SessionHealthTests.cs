using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RichardSzalay.MockHttp;

namespace Rizquna.Connectors.Waha.Tests;

/// <summary>Session health (platform-contracts.md §4.3): a session needing a QR scan pauses the account and alerts once.</summary>
public sealed class SessionHealthTests
{
    private static ITokenInspector Inspector(WahaFixture f) => f.Get<IEnumerable<ITokenInspector>>().Single();

    private static Task<PublishResult> Send(WahaFixture f) =>
        f.Get<IEnumerable<IPublisher>>().Single().PublishAsync(new PublishRequest(WahaFixture.Account, new Post { Text = "hi" }, "k"));

    private static void SessionIs(WahaFixture f, string status)
    {
        f.Http.Clear();
        f.Http.When(HttpMethod.Get, "http://waha.test/api/sessions/default").WithHeaders("X-Api-Key", WahaFixture.ApiKey)
            .Respond("application/json", $$$"""{"name":"default","status":"{{{status}}}","config":{},"me":null,"engine":{"engine":"WEBJS"}}""");
    }

    [Fact]
    public async Task Working_is_healthy()
    {
        using var f = new WahaFixture();
        SessionIs(f, "WORKING");

        var health = await Inspector(f).InspectAsync(WahaFixture.Account);

        Assert.True(health.IsValid);
        Assert.Null(health.Problem);
    }

    [Fact]
    public async Task Scan_qr_code_pauses_the_account_and_alerts_once_until_it_works_again()
    {
        var telegram = new RecordingReporter("telegram");
        var whatsapp = new RecordingReporter("whatsapp"); // a broken session cannot carry its own alert
        using var f = new WahaFixture(services: s => s.AddSingleton<IReporter>(telegram).AddSingleton<IReporter>(whatsapp));
        var sendRoute = f.Http.When(HttpMethod.Post, "http://waha.test/api/sendText").Respond(HttpStatusCode.Created, "application/json", """{"id":"m1"}""");
        SessionIs(f, "SCAN_QR_CODE");

        var health = await Inspector(f).InspectAsync(WahaFixture.Account);
        f.Clock.Advance(TimeSpan.FromSeconds(30));
        await Inspector(f).InspectAsync(WahaFixture.Account);
        f.Clock.Advance(TimeSpan.FromMinutes(10));
        await Inspector(f).InspectAsync(WahaFixture.Account);

        Assert.False(health.IsValid);
        Assert.Contains("scan the QR code", health.Problem, StringComparison.Ordinal);
        var alert = Assert.Single(telegram.Reports);
        Assert.Equal(ReportSeverity.Critical, alert.Severity);
        Assert.Contains("scan the QR code", alert.Title, StringComparison.Ordinal);
        Assert.Equal(f.Clock.GetUtcNow() - TimeSpan.FromSeconds(630), alert.CreatedAt);
        Assert.Empty(whatsapp.Reports);

        // Paused: a send is refused at once, without reaching the gateway.
        sendRoute = f.Http.When(HttpMethod.Post, "http://waha.test/api/sendText").Respond(HttpStatusCode.Created, "application/json", """{"id":"m1"}""");
        var ex = await Assert.ThrowsAsync<PlatformException>(() => Send(f));
        Assert.Equal(PlatformErrorKind.ReauthorizationRequired, ex.Kind);
        Assert.Equal("SCAN_QR_CODE", ex.PlatformCode);
        Assert.Equal(0, f.Http.GetMatchCount(sendRoute));

        // Scanned: healthy again, sends flow, and a later outage alerts again.
        SessionIs(f, "WORKING");
        Assert.True((await Inspector(f).InspectAsync(WahaFixture.Account)).IsValid);
        sendRoute = f.Http.When(HttpMethod.Post, "http://waha.test/api/sendText").Respond(HttpStatusCode.Created, "application/json", """{"id":"m2"}""");
        Assert.Equal("m2", (await Send(f)).PlatformPostId);
        SessionIs(f, "STOPPED");
        await Inspector(f).InspectAsync(WahaFixture.Account);
        Assert.Equal(2, telegram.Reports.Count);
    }

    [Fact]
    public async Task A_paused_session_lets_one_send_through_after_the_recheck_interval()
    {
        var telegram = new RecordingReporter();
        using var f = new WahaFixture(o => o.SessionRecheckInterval = TimeSpan.FromMinutes(5), s => s.AddSingleton<IReporter>(telegram));
        SessionIs(f, "FAILED");
        await Inspector(f).InspectAsync(WahaFixture.Account);
        var route = f.Http.When(HttpMethod.Post, "http://waha.test/api/sendText").Respond(HttpStatusCode.Created, "application/json", """{"id":"m1"}""");

        await Assert.ThrowsAsync<PlatformException>(() => Send(f));
        f.Clock.Advance(TimeSpan.FromMinutes(5));
        var result = await Send(f); // the phone was re-linked meanwhile: the send succeeds and lifts the pause

        Assert.Equal("m1", result.PlatformPostId);
        Assert.Equal(1, f.Http.GetMatchCount(route));
        Assert.Single(telegram.Reports);
    }

    [Fact]
    public async Task A_422_on_a_send_pauses_and_alerts_once()
    {
        var telegram = new RecordingReporter();
        using var f = new WahaFixture(services: s => s.AddSingleton<IReporter>(telegram));
        var route = f.Http.When(HttpMethod.Post, "http://waha.test/api/sendText").Respond((HttpStatusCode)422, "application/json",
            """{"error":"Session status is not as expected. Try again later or restart the session","session":"default","status":"SCAN_QR_CODE","expected":["WORKING"]}""");

        await Assert.ThrowsAsync<PlatformException>(() => Send(f));
        await Assert.ThrowsAsync<PlatformException>(() => Send(f));
        f.Clock.Advance(TimeSpan.FromMinutes(2)); // past the recheck: one more try reaches the gateway, still 422
        await Assert.ThrowsAsync<PlatformException>(() => Send(f));

        Assert.Equal(2, f.Http.GetMatchCount(route));
        Assert.Single(telegram.Reports);
    }

    [Fact]
    public async Task A_422_on_the_session_read_is_the_state()
    {
        var telegram = new RecordingReporter();
        using var f = new WahaFixture(services: s => s.AddSingleton<IReporter>(telegram));
        f.Http.When(HttpMethod.Get, "http://waha.test/api/sessions/default").Respond((HttpStatusCode)422, "application/json",
            """{"error":"Session status is not as expected. Try again later or restart the session","session":"default","status":"SCAN_QR_CODE","expected":["WORKING"]}""");

        var health = await Inspector(f).InspectAsync(WahaFixture.Account);

        Assert.False(health.IsValid);
        Assert.Contains("scan the QR code", health.Problem, StringComparison.Ordinal);
        Assert.Single(telegram.Reports);
    }

    [Fact]
    public async Task Starting_is_unhealthy_without_an_alert()
    {
        var telegram = new RecordingReporter();
        using var f = new WahaFixture(services: s => s.AddSingleton<IReporter>(telegram));
        SessionIs(f, "STARTING");

        var health = await Inspector(f).InspectAsync(WahaFixture.Account);

        Assert.False(health.IsValid);
        Assert.Empty(telegram.Reports);
    }

    [Theory]
    [InlineData(401, """{"message":"Unauthorized","statusCode":401}""", "API key")]
    [InlineData(404, """{"statusCode":404,"message":"We didn't find a session with name 'default'.","error":"Not Found"}""", "does not exist")]
    public async Task A_refused_key_or_missing_session_is_unhealthy_with_the_reason(int status, string body, string reason)
    {
        using var f = new WahaFixture();
        f.Http.When(HttpMethod.Get, "http://waha.test/api/sessions/default").Respond((HttpStatusCode)status, "application/json", body);

        var health = await Inspector(f).InspectAsync(WahaFixture.Account);

        Assert.False(health.IsValid);
        Assert.Contains(reason, health.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(WahaFixture.ApiKey, health.Problem, StringComparison.Ordinal);
    }
}
