using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Rizquna.Connectors.Waha.Tests;

public sealed class WebhookTests
{
    private const string Key = "hook-key";

    // The message event of platform-contracts.md §4.5; its HMAC computed independently (Python hmac, sha512).
    private const string MessageEvent = """{"event":"message","session":"default","payload":{"id":"false_11111111111@c.us_AAAAAAAAAAAAAAAAAAAA","timestamp":1667561485,"from":"11111111111@c.us","fromMe":false,"to":"6285190654210@c.us","body":"Hi there!","hasMedia":false,"media":null,"ack":1,"ackName":"SERVER","_data":{"notifyName":"Budi"}}}""";
    private const string MessageEventHmac = "bb8a3fae0e83c9277a826c981f30198bda2f71fc25ff9fdeadae022fbb624232fa2de5fd8cb2665d0a4f8e058005284336d1b2f5f1b9ca452748e062f3902b30";

    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void The_known_vector_verifies() =>
        Assert.Equal(WahaSignatureCheck.Valid, WahaWebhookSignature.Verify(Bytes(MessageEvent), MessageEventHmac, "sha512", Key));

    [Fact]
    public void Upper_case_hex_and_algorithm_are_accepted() =>
        Assert.Equal(WahaSignatureCheck.Valid, WahaWebhookSignature.Verify(Bytes(MessageEvent), MessageEventHmac.ToUpperInvariant(), "SHA512", Key));

    [Fact]
    public void Sign_produces_the_known_vector() =>
        Assert.Equal(MessageEventHmac, WahaWebhookSignature.Sign(Bytes(MessageEvent), Key));

    [Fact]
    public void A_tampered_body_is_a_mismatch() =>
        Assert.Equal(WahaSignatureCheck.Mismatch, WahaWebhookSignature.Verify(Bytes(MessageEvent.Replace("Hi there!", "Hi there?")), MessageEventHmac, "sha512", Key));

    [Fact]
    public void A_wrong_key_is_a_mismatch() =>
        Assert.Equal(WahaSignatureCheck.Mismatch, WahaWebhookSignature.Verify(Bytes(MessageEvent), MessageEventHmac, "sha512", "other-key"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_signature_is_reported_as_missing(string? signature) =>
        Assert.Equal(WahaSignatureCheck.Missing, WahaWebhookSignature.Verify(Bytes(MessageEvent), signature, "sha512", Key));

    [Theory]
    [InlineData(null)]
    [InlineData("sha256")]
    [InlineData("md5")]
    public void Another_or_no_algorithm_is_refused_even_with_a_valid_signature(string? algorithm) =>
        Assert.Equal(WahaSignatureCheck.WrongAlgorithm, WahaWebhookSignature.Verify(Bytes(MessageEvent), MessageEventHmac, algorithm, Key));

    [Theory]
    [InlineData("zz")]
    [InlineData("bb8a3fae")]
    public void A_malformed_signature_is_a_mismatch(string signature) =>
        Assert.Equal(WahaSignatureCheck.Mismatch, WahaWebhookSignature.Verify(Bytes(MessageEvent), signature, "sha512", Key));

    [Fact]
    public async Task A_signed_message_becomes_an_inbox_item()
    {
        using var f = new WahaFixture();

        var result = await f.Get<WahaWebhookHandler>().HandleAsync(Bytes(MessageEvent), MessageEventHmac, "sha512");

        Assert.Equal(WahaWebhookStatus.Accepted, result.Status);
        var item = Assert.Single(result.Items);
        Assert.Equal("false_11111111111@c.us_AAAAAAAAAAAAAAAAAAAA", item.Id);
        Assert.Equal("11111111111@c.us", item.ThreadId);
        Assert.Equal(new InboxParticipant("11111111111@c.us", "Budi"), item.From);
        Assert.Equal("Hi there!", item.Text);
        Assert.Equal(InboxItemKind.ChatMessage, item.Kind);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1667561485), item.CreatedAt);
        Assert.Equal("default", item.Account.PlatformAccountId);
        Assert.Contains("Hi there!", item.RawJson, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tampered", WahaWebhookStatus.Unauthorized)]
    [InlineData("missing", WahaWebhookStatus.Unauthorized)]
    [InlineData("algorithm", WahaWebhookStatus.Unauthorized)]
    public async Task A_bad_signature_is_refused_and_nothing_is_parsed(string how, WahaWebhookStatus expected)
    {
        using var f = new WahaFixture();
        var body = how == "tampered" ? MessageEvent.Replace("Hi there!", "Pay here!") : MessageEvent;
        var signature = how == "missing" ? null : MessageEventHmac;
        var algorithm = how == "algorithm" ? "sha1" : "sha512";

        var result = await f.Get<WahaWebhookHandler>().HandleAsync(Bytes(body), signature, algorithm);

        Assert.Equal(expected, result.Status);
        Assert.Empty(result.Items);
        Assert.NotNull(result.Reason);
        Assert.DoesNotContain(Key, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_unsigned_webhooks_are_refused_unless_allowed()
    {
        using var strict = new WahaFixture(o => o.WebhookHmacKey = null);
        Assert.Equal(WahaWebhookStatus.Unauthorized, (await strict.Get<WahaWebhookHandler>().HandleAsync(Bytes(MessageEvent), null, null)).Status);

        using var open = new WahaFixture(o => { o.WebhookHmacKey = null; o.AllowUnsignedWebhooks = true; });
        Assert.Single((await open.Get<WahaWebhookHandler>().HandleAsync(Bytes(MessageEvent), null, null)).Items);
    }

    [Fact]
    public async Task Own_messages_from_message_any_are_ignored()
    {
        using var f = new WahaFixture();
        var body = """{"event":"message.any","session":"default","payload":{"id":"true_6281234567890@c.us_OWN","timestamp":1667561490,"from":"6285190654210@c.us","fromMe":true,"to":"6281234567890@c.us","body":"our reply"}}""";

        var result = await f.Get<WahaWebhookHandler>().HandleAsync(Bytes(body), WahaWebhookSignature.Sign(Bytes(body), Key), "sha512");

        Assert.Equal(WahaWebhookStatus.Accepted, result.Status);
        Assert.Empty(result.Items);
    }

    [Fact]
    public async Task The_same_message_via_message_and_message_any_is_delivered_once()
    {
        using var f = new WahaFixture();
        var handler = f.Get<WahaWebhookHandler>();
        var any = MessageEvent.Replace("\"event\":\"message\"", "\"event\":\"message.any\"");

        var first = await handler.HandleAsync(Bytes(MessageEvent), MessageEventHmac, "sha512");
        var second = await handler.HandleAsync(Bytes(any), WahaWebhookSignature.Sign(Bytes(any), Key), "sha512");

        Assert.Single(first.Items);
        Assert.Empty(second.Items);
    }

    [Fact]
    public async Task Group_messages_thread_on_the_group_and_name_the_participant()
    {
        using var f = new WahaFixture();
        var body = """{"event":"message","session":"default","payload":{"id":"false_120363012345678901@g.us_G1_6281234567890@c.us","timestamp":1667561500,"from":"120363012345678901@g.us","participant":"6281234567890@c.us","fromMe":false,"to":"6285190654210@c.us","body":"halo grup","hasMedia":true,"media":{"url":"http://localhost:3000/api/files/default/x.jpg","mimetype":"image/jpeg"}}}""";

        var item = Assert.Single((await f.Get<WahaWebhookHandler>().HandleAsync(Bytes(body), WahaWebhookSignature.Sign(Bytes(body), Key), "sha512")).Items);

        Assert.Equal("120363012345678901@g.us", item.ThreadId);
        Assert.Equal("6281234567890@c.us", item.From!.Id);
        Assert.Equal("true", item.Metadata["waha.has_media"]);
        Assert.Equal("http://localhost:3000/api/files/default/x.jpg", item.Metadata["waha.media_url"]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"payload":{}}""")]
    public async Task A_body_that_is_not_an_event_is_a_bad_request(string body)
    {
        using var f = new WahaFixture();
        var result = await f.Get<WahaWebhookHandler>().HandleAsync(Bytes(body), WahaWebhookSignature.Sign(Bytes(body), Key), "sha512");
        Assert.Equal(WahaWebhookStatus.BadRequest, result.Status);
    }

    [Fact]
    public async Task Other_events_are_ignored()
    {
        using var f = new WahaFixture();
        var body = """{"event":"message.ack","session":"default","payload":{"id":"x","ack":3}}""";
        var result = await f.Get<WahaWebhookHandler>().HandleAsync(Bytes(body), WahaWebhookSignature.Sign(Bytes(body), Key), "sha512");
        Assert.Equal(WahaWebhookStatus.Ignored, result.Status);
    }

    [Fact]
    public async Task A_session_status_event_pauses_alerts_once_and_resumes()
    {
        var reporter = new RecordingReporter();
        using var f = new WahaFixture(services: s => s.AddSingleton<IReporter>(reporter));
        var handler = f.Get<WahaWebhookHandler>();
        async Task<WahaWebhookResult> Status(string status)
        {
            var body = $$$"""{"event":"session.status","session":"default","payload":{"name":"default","status":"{{{status}}}"}}""";
            return await handler.HandleAsync(Bytes(body), WahaWebhookSignature.Sign(Bytes(body), Key), "sha512");
        }

        Assert.Equal("SCAN_QR_CODE", (await Status("SCAN_QR_CODE")).SessionStatus);
        await Status("SCAN_QR_CODE");
        Assert.Single(reporter.Reports);
        var ex = await Assert.ThrowsAsync<PlatformException>(() => f.Get<IEnumerable<IPublisher>>().Single()
            .PublishAsync(new PublishRequest(WahaFixture.Account, new Post { Text = "x" }, "k")));
        Assert.Equal(PlatformErrorKind.ReauthorizationRequired, ex.Kind); // paused: refused without a call

        await Status("WORKING");
        await Status("FAILED");
        Assert.Equal(2, reporter.Reports.Count); // a new outage, a new alert
    }
}
