using System.Net;
using System.Security.Cryptography;
using System.Text;
using Rizquna.Connectors.Meta.Webhooks;
using RichardSzalay.MockHttp;

namespace Rizquna.Connectors.Meta.Tests;

public sealed class TokenAndWebhookTests : IDisposable
{
    private readonly MetaHarness _meta = new();

    private ITokenInspector Inspector => _meta.All<ITokenInspector>().Single(p => p.Platform == PlatformId.Facebook);

    [Fact]
    public async Task Debug_token_reports_validity_expiry_data_access_and_scopes()
    {
        _meta.Http.When(HttpMethod.Get, MetaHarness.Base + "debug_token").Respond(_ => MetaHarness.Json(HttpStatusCode.OK,
            "{\"data\":{\"app_id\":\"1234567890\",\"type\":\"PAGE\",\"application\":\"Rizquna\",\"data_access_expires_at\":1809024166,\"expires_at\":0,"
            + "\"is_valid\":true,\"issued_at\":1347235328,\"profile_id\":\"111\",\"scopes\":[\"pages_manage_posts\",\"pages_read_engagement\"],\"user_id\":\"1207059\"}}"));

        var health = await Inspector.InspectAsync(MetaHarness.Page);

        Assert.True(health.IsValid);
        Assert.Null(health.ExpiresAt); // 0 = never expires
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1809024166), health.DataAccessExpiresAt);
        Assert.Equal(["pages_manage_posts", "pages_read_engagement"], health.Scopes);
        Assert.Null(health.Problem);

        var sent = _meta.Last(HttpMethod.Get, "/debug_token");
        Assert.Equal("Bearer 1234567890|" + MetaHarness.AppSecret, sent.Authorization);
        Assert.Contains("input_token=" + Uri.EscapeDataString(MetaHarness.PageToken), sent.Uri.Query);
        Assert.DoesNotContain(MetaHarness.AppSecret, sent.Uri.ToString());
    }

    [Fact]
    public async Task A_token_expiring_within_the_window_is_flagged()
    {
        var expires = _meta.Clock.GetUtcNow().AddHours(20).ToUnixTimeSeconds();
        _meta.Http.When(HttpMethod.Get, MetaHarness.Base + "debug_token").Respond(_ => MetaHarness.Json(HttpStatusCode.OK,
            "{\"data\":{\"is_valid\":true,\"expires_at\":" + expires + ",\"scopes\":[]}}"));

        var health = await Inspector.InspectAsync(MetaHarness.Page);

        Assert.True(health.IsValid);
        Assert.Contains("expires", health.Problem);
        Assert.True(health.IsExpiringWithin(TimeSpan.FromHours(24), _meta.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task An_invalid_token_is_reported_with_its_reason()
    {
        _meta.Http.When(HttpMethod.Get, MetaHarness.Base + "debug_token").Respond(_ => MetaHarness.Json(HttpStatusCode.OK,
            "{\"data\":{\"is_valid\":false,\"scopes\":[],\"error\":{\"code\":190,\"message\":\"Error validating access token: Session has expired\",\"subcode\":463}}}"));

        var health = await Inspector.InspectAsync(MetaHarness.Page);

        Assert.False(health.IsValid);
        Assert.Contains("Session has expired", health.Problem);
        Assert.Contains("463", health.Problem);
    }

    [Fact]
    public async Task No_log_line_or_error_carries_a_token_or_the_app_secret()
    {
        _meta.Http.When(HttpMethod.Get, MetaHarness.Base + "debug_token").Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"data\":{\"is_valid\":true}}"));
        _meta.Http.When(HttpMethod.Post, MetaHarness.Base + MetaHarness.PageId + "/feed").Respond(_ => MetaHarness.Json(HttpStatusCode.BadRequest,
            "{\"error\":{\"message\":\"Invalid OAuth access token " + MetaHarness.PageToken + " access_token=" + MetaHarness.PageToken + "\",\"type\":\"OAuthException\",\"code\":190,\"fbtrace_id\":\"T\"}}"));

        await Inspector.InspectAsync(MetaHarness.Page);
        var ex = await Assert.ThrowsAsync<PlatformException>(() => _meta.All<IPublisher>().Single(p => p.Platform == PlatformId.Facebook)
            .PublishAsync(new PublishRequest(MetaHarness.Page, new Post { Text = "x" }, "k")));

        var logs = _meta.Logs.Lines;
        Assert.Contains(logs, l => l.Contains("debug_token", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains("/feed", StringComparison.Ordinal));
        foreach (var secret in new[] { MetaHarness.PageToken, MetaHarness.AppSecret })
        {
            Assert.DoesNotContain(logs, l => l.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, ex.Message);
            Assert.DoesNotContain(secret, ex.RawBody);
            Assert.DoesNotContain(secret, ex.ToString());
        }
    }

    [Fact]
    public void The_handshake_answers_the_challenge_only_for_the_right_token()
    {
        var verifier = _meta.Get<MetaWebhookVerifier>();

        Assert.Equal("1158201444", verifier.VerifyHandshake("subscribe", "verify-me", "1158201444"));
        Assert.Null(verifier.VerifyHandshake("subscribe", "wrong", "1158201444"));
        Assert.Null(verifier.VerifyHandshake("unsubscribe", "verify-me", "1158201444"));
        Assert.Null(verifier.VerifyHandshake("subscribe", null, "1158201444"));
    }

    private static string Sign(byte[] body, string secret) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    // Meta signs the escaped-unicode form: verification must use the raw bytes.
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"object\":\"page\",\"entry\":[{\"id\":\"111111111111111\",\"time\":1520383571,\"changes\":[{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\",\"comment_id\":\"111_1_c5\",\"post_id\":\"111_1\",\"from\":{\"id\":\"555\",\"name\":\"Budi\"},\"message\":\"Harga \\u00e9?\",\"created_time\":1520383571}}]}]}");

    [Fact]
    public void A_valid_signature_passes()
    {
        Assert.True(_meta.Get<MetaWebhookVerifier>().VerifySignature(Body, Sign(Body, MetaHarness.AppSecret)));
    }

    [Fact]
    public void A_tampered_body_fails()
    {
        var tampered = (byte[])Body.Clone();
        tampered[^10] ^= 1;
        Assert.False(_meta.Get<MetaWebhookVerifier>().VerifySignature(tampered, Sign(Body, MetaHarness.AppSecret)));
    }

    [Fact]
    public void A_signature_made_with_another_secret_fails()
    {
        Assert.False(_meta.Get<MetaWebhookVerifier>().VerifySignature(Body, Sign(Body, "someone-elses-secret")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=abcdef")]
    [InlineData("sha256=nothex")]
    public void A_missing_or_malformed_signature_fails(string? header)
    {
        Assert.False(_meta.Get<MetaWebhookVerifier>().VerifySignature(Body, header));
    }

    [Fact]
    public void Comment_and_message_events_become_inbox_items()
    {
        var parser = _meta.Get<MetaWebhookParser>();

        var comment = Assert.Single(parser.Parse(Body));
        Assert.Equal("111_1_c5", comment.Id);
        Assert.Equal(InboxItemKind.Comment, comment.Kind);
        Assert.Equal("Harga é?", comment.Text);
        Assert.Equal(PlatformId.Facebook, comment.Account.Platform);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1520383571), comment.CreatedAt);

        var messages = parser.Parse(Encoding.UTF8.GetBytes(
            "{\"object\":\"page\",\"entry\":[{\"id\":\"111\",\"time\":1458692752478,\"messaging\":[{\"sender\":{\"id\":\"PSID1\"},\"recipient\":{\"id\":\"111\"},\"timestamp\":1458692752478,\"message\":{\"mid\":\"m_1\",\"text\":\"hello\"}},"
            + "{\"sender\":{\"id\":\"PSID1\"},\"recipient\":{\"id\":\"111\"},\"timestamp\":1458692752479,\"read\":{\"watermark\":1}}]}]}"),
            (p, id) => new AccountRef(p, "001", id));
        var message = Assert.Single(messages);
        Assert.Equal(InboxItemKind.DirectMessage, message.Kind);
        Assert.Equal("001", message.Account.Key);
        Assert.Equal("PSID1", message.From!.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1458692752478), message.CreatedAt);

        var ig = Assert.Single(parser.Parse(Encoding.UTF8.GetBytes(
            "{\"object\":\"instagram\",\"entry\":[{\"id\":\"17841400000000000\",\"time\":1700000000,\"changes\":[{\"field\":\"comments\",\"value\":{\"id\":\"178999\",\"text\":\"nice\",\"from\":{\"id\":\"9\",\"username\":\"ana\"},\"media\":{\"id\":\"17900\",\"media_product_type\":\"FEED\"}}}]}]}")));
        Assert.Equal(PlatformId.Instagram, ig.Account.Platform);
        Assert.Equal("17900", ig.ThreadId);
        Assert.Equal("ana", ig.From!.DisplayName);

        Assert.Throws<FormatException>(() => parser.Parse("not json"u8));
    }

    public void Dispose() => _meta.Dispose();
}
