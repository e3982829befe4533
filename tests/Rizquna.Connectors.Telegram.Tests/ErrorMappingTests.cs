using System.Net;
using RichardSzalay.MockHttp;

namespace Rizquna.Connectors.Telegram.Tests;

/// <summary>Every envelope error of platform-contracts.md §3.1 maps to the kind the kernel acts on, and no token leaks.</summary>
public sealed class ErrorMappingTests
{
    public static TheoryData<int, string, string?, PlatformErrorKind> SendErrors() => new()
    {
        { 429, "Too Many Requests: retry after 35", "{\"retry_after\":35}", PlatformErrorKind.RateLimited },
        { 400, "Bad Request: chat not found", null, PlatformErrorKind.InvalidContent },
        { 400, "Bad Request: message is too long", null, PlatformErrorKind.InvalidContent },
        { 400, "Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 9", null, PlatformErrorKind.InvalidContent },
        { 401, "Unauthorized", null, PlatformErrorKind.AuthExpired },
        { 404, "Not Found", null, PlatformErrorKind.AuthExpired },
        { 403, "Forbidden: bot was kicked from the group chat", null, PlatformErrorKind.Forbidden },
        { 403, "Forbidden: bot was blocked by the user", null, PlatformErrorKind.Forbidden },
        { 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", null, PlatformErrorKind.Permanent },
        { 500, "Internal Server Error", null, PlatformErrorKind.OutcomeUnknown },
        { 502, "Bad Gateway", null, PlatformErrorKind.OutcomeUnknown },
    };

    [Theory]
    [MemberData(nameof(SendErrors))]
    public async Task Send_errors_map_to_kinds(int code, string description, string? parameters, PlatformErrorKind kind)
    {
        using var host = new TelegramTestHost();
        host.On("sendMessage", (HttpStatusCode)code, TelegramTestHost.Error(code, description, parameters));

        var ex = await Assert.ThrowsAsync<PlatformException>(() =>
            host.Get<TelegramPublisher>().PublishAsync(new PublishRequest(TelegramTestHost.Account, new Post { Text = "x" }, "k")));

        Assert.Equal(kind, ex.Kind);
        Assert.Equal(PlatformId.Telegram, ex.Platform);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.PlatformCode);
        Assert.Equal(code, ex.HttpStatus);
        Assert.Contains(description, ex.Message);
        Assert.Single(host.Calls); // a send is never repeated by the HTTP layer
        AssertNoToken(ex);
    }

    [Fact]
    public async Task Rate_limited_carries_retry_after_from_the_parameters()
    {
        using var host = new TelegramTestHost();
        host.On("sendMessage", HttpStatusCode.TooManyRequests, TelegramTestHost.Error(429, "Too Many Requests: retry after 35", "{\"retry_after\":35}"));

        var ex = await Assert.ThrowsAsync<PlatformException>(() =>
            host.Get<TelegramPublisher>().PublishAsync(new PublishRequest(TelegramTestHost.Account, new Post { Text = "x" }, "k")));

        Assert.Equal(TimeSpan.FromSeconds(35), ex.RetryAfter);
        Assert.True(ex.IsRetryable);
    }

    [Fact]
    public async Task Conflict_says_how_to_fix_the_configuration()
    {
        using var host = new TelegramTestHost();
        host.On("getUpdates", HttpStatusCode.Conflict, TelegramTestHost.Error(409,
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"));

        var ex = await Assert.ThrowsAsync<PlatformException>(async () =>
        {
            await foreach (var _ in host.Get<TelegramInboxPoller>().PollAsync(TelegramTestHost.Account, null))
            {
            }
        });

        Assert.Equal(PlatformErrorKind.Permanent, ex.Kind);
        Assert.Contains("webhook", ex.Message);
        Assert.Contains("another process", ex.Message);
    }

    [Fact]
    public async Task A_server_error_on_a_read_is_transient_and_retried_by_the_handler()
    {
        using var host = new TelegramTestHost();
        host.On("getMe", HttpStatusCode.BadGateway, "<html>502 Bad Gateway</html>");

        var ex = await Assert.ThrowsAsync<PlatformException>(() => host.Get<TelegramTokenInspector>().InspectAsync(TelegramTestHost.Account));

        Assert.Equal(PlatformErrorKind.Transient, ex.Kind);
        Assert.Equal(502, ex.HttpStatus);
        Assert.True(host.Calls.Count > 1); // reads are marked idempotent
    }

    [Fact]
    public async Task An_echoed_token_is_redacted_from_message_and_body()
    {
        using var host = new TelegramTestHost();
        host.On("sendMessage", HttpStatusCode.BadRequest, TelegramTestHost.Error(400,
            "Bad Request: see https://api.telegram.org/bot" + TelegramTestHost.Token + "/sendMessage and " + TelegramTestHost.Token));

        var ex = await Assert.ThrowsAsync<PlatformException>(() =>
            host.Get<TelegramPublisher>().PublishAsync(new PublishRequest(TelegramTestHost.Account, new Post { Text = "x" }, "k")));

        AssertNoToken(ex);
        Assert.Contains("***", ex.Message);
    }

    [Fact]
    public async Task A_connection_failure_on_a_send_is_an_unknown_outcome_without_the_token()
    {
        using var host = new TelegramTestHost();
        host.Http.When(HttpMethod.Post, TelegramTestHost.Url("sendMessage"))
            .Throw(new HttpRequestException("reset while sending https://tg.test/bot" + TelegramTestHost.Token + "/sendMessage"));

        var ex = await Assert.ThrowsAsync<PlatformException>(() =>
            host.Get<TelegramPublisher>().PublishAsync(new PublishRequest(TelegramTestHost.Account, new Post { Text = "x" }, "k")));

        Assert.Equal(PlatformErrorKind.OutcomeUnknown, ex.Kind);
        AssertNoToken(ex);
    }

    [Fact]
    public async Task A_malformed_token_is_refused_without_being_echoed_or_sent()
    {
        var account = new AccountRef(PlatformId.Telegram, "002", "@rizquna_channel");
        using var host = new TelegramTestHost();
        var store = (InMemoryCredentialStore)host.Get<ICredentialProvider>();
        store.Set(account, new PlatformCredential("12345:abc/../../evil?x"));

        var ex = await Assert.ThrowsAsync<PlatformException>(() =>
            host.Get<TelegramPublisher>().PublishAsync(new PublishRequest(account, new Post { Text = "x" }, "k")));

        Assert.Equal(PlatformErrorKind.AuthExpired, ex.Kind);
        Assert.DoesNotContain("evil", ex.ToString());
        Assert.Empty(host.Calls);
    }

    private static void AssertNoToken(PlatformException ex)
    {
        var secret = TelegramTestHost.Token.Split(':')[1];
        Assert.DoesNotContain(secret, ex.ToString());
        Assert.DoesNotContain(secret, ex.RawBody ?? "");
    }
}
