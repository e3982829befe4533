using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Rizquna.Scheduling.Lanes.Inbox;
using Rizquna.SampleHost.Tests.Infrastructure;

namespace Rizquna.SampleHost.Tests.Api;

public sealed class PlatformWebhookTests
{
    private const string AppSecret = "meta-app-secret-0123456789abcdef";
    private const string VerifyToken = "meta-verify-token-0123456789";

    [Fact]
    public async Task Meta_handshake_and_signed_notifications_reach_the_inbox()
    {
        await using var host = await RunningHost.StartAsync(HostSettings.WithChannels(new Dictionary<string, string?>
        {
            ["Rizquna:Meta:AppSecret"] = AppSecret,
            ["Rizquna:Meta:WebhookVerifyToken"] = VerifyToken,
        }));

        var good = await host.Anonymous.GetAsync($"/webhooks/meta?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token={VerifyToken}");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("1158201444", await good.Content.ReadAsStringAsync());
        var bad = await host.Anonymous.GetAsync("/webhooks/meta?hub.mode=subscribe&hub.challenge=1&hub.verify_token=nope");
        Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);

        const string body = """{"object":"page","entry":[{"id":"111111111111111","time":1520383571,"changes":[{"field":"feed","value":{"item":"comment","verb":"add","comment_id":"111_222","post_id":"111_333","from":{"id":"42","name":"Budi"},"message":"Harga berapa?","created_time":1520383571}}]}]}""";
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), bytes));

        var unsigned = await PostAsync(host, "/webhooks/meta", body, ("X-Hub-Signature-256", "sha256=" + new string('0', 64)));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal("application/problem+json", unsigned.Content.Headers.ContentType?.MediaType);

        var accepted = await PostAsync(host, "/webhooks/meta", body, ("X-Hub-Signature-256", signature));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using var result = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync());
        Assert.Equal(1, result.RootElement.GetProperty("stored").GetInt32());
        var stored = await host.Services.GetRequiredService<IInboxStore>().ListAsync(null, null, null, 10);
        Assert.Contains(stored, s => s.Item.Text == "Harga berapa?");

        var again = await PostAsync(host, "/webhooks/meta", body, ("X-Hub-Signature-256", signature));
        using var second = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal(0, second.RootElement.GetProperty("stored").GetInt32());
    }

    [Fact]
    public async Task Dry_run_telegram_and_waha_reject_bad_secrets_and_store_good_ones_in_the_inbox()
    {
        await using var host = await RunningHost.StartAsync(HostSettings.WithChannels(new Dictionary<string, string?>
        {
            ["Rizquna:Telegram:WebhookSecretToken"] = "tg-secret-token_0123456789",
            ["Rizquna:Waha:WebhookHmacKey"] = "waha-hmac-key-0123456789",
        }));
        const string update = """{"update_id":1,"message":{"message_id":5,"chat":{"id":42,"type":"private"},"date":1700000000,"text":"halo"}}""";
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(host, "/webhooks/telegram", update, ("X-Telegram-Bot-Api-Secret-Token", "wrong"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, "/webhooks/telegram", update, ("X-Telegram-Bot-Api-Secret-Token", "tg-secret-token_0123456789"))).StatusCode);

        const string waha = """{"event":"message","session":"default","payload":{"id":"false_1@c.us_A","timestamp":1667561485,"from":"1@c.us","fromMe":false,"body":"hi"}}""";
        var mac = Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes("waha-hmac-key-0123456789"), Encoding.UTF8.GetBytes(waha)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(host, "/webhooks/waha", waha, ("X-Webhook-Hmac", new string('a', 128)), ("X-Webhook-Hmac-Algorithm", "sha512"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, "/webhooks/waha", waha, ("X-Webhook-Hmac", mac), ("X-Webhook-Hmac-Algorithm", "sha512"))).StatusCode);

        // Both platforms run dry here (no bot token, no WAHA address), yet the good deliveries land in lane A's inbox
        // like live ones; the bad ones stored nothing.
        var stored = await host.Services.GetRequiredService<IInboxStore>().ListAsync(null, null, null, 10);
        Assert.Equal(2, stored.Count);
        Assert.Contains(stored, s => s.Item.Text == "halo" && s.Item.Account.Platform == PlatformId.Telegram && s.Item.Account.Key == "001");
        Assert.Contains(stored, s => s.Item.Text == "hi" && s.Item.Account.Platform == PlatformId.WhatsApp);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, "/webhooks/telegram", update, ("X-Telegram-Bot-Api-Secret-Token", "tg-secret-token_0123456789"))).StatusCode);
        Assert.Equal(2, (await host.Services.GetRequiredService<IInboxStore>().ListAsync(null, null, null, 10)).Count);
    }

    [Fact]
    public async Task Dry_run_webhooks_with_invalid_settings_are_refused_not_a_5xx()
    {
        await using var host = await RunningHost.StartAsync(HostSettings.WithChannels(new Dictionary<string, string?>
        {
            ["Rizquna:Telegram:WebhookSecretToken"] = "not a valid secret!",
            ["Rizquna:Waha:WebhookHmacKey"] = "waha-hmac-key-0123456789",
            ["Rizquna:Waha:CountryCode"] = "+62",
        }));
        const string update = """{"update_id":1,"message":{"message_id":5,"chat":{"id":42,"type":"private"},"date":1700000000,"text":"halo"}}""";
        var telegram = await PostAsync(host, "/webhooks/telegram", update, ("X-Telegram-Bot-Api-Secret-Token", "not a valid secret!"));
        const string waha = """{"event":"message","session":"default","payload":{"id":"false_1@c.us_A","timestamp":1667561485,"from":"1@c.us","fromMe":false,"body":"hi"}}""";
        var mac = Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes("waha-hmac-key-0123456789"), Encoding.UTF8.GetBytes(waha)));
        var wahaResponse = await PostAsync(host, "/webhooks/waha", waha, ("X-Webhook-Hmac", mac), ("X-Webhook-Hmac-Algorithm", "sha512"));

        Assert.Equal(HttpStatusCode.Unauthorized, telegram.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wahaResponse.StatusCode);
        Assert.Empty(await host.Services.GetRequiredService<IInboxStore>().ListAsync(null, null, null, 10));
    }

    private static Task<HttpResponseMessage> PostAsync(RunningHost host, string path, string body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return host.Anonymous.SendAsync(request);
    }
}
