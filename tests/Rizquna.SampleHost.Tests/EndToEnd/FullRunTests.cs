using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rizquna.Scheduling.Engine;
using Rizquna.SampleHost.Tests.Infrastructure;

namespace Rizquna.SampleHost.Tests.EndToEnd;

/// <summary>
/// The host on 127.0.0.1 with a fake Telegram Bot API: ingest → the lanes' worker publishes to the fake → the post is
/// listed → its /go link redirects and is counted → the nightly report reaches the fake admin chat → n8n events are
/// delivered signed. Finally the logs of the whole run are scanned for every configured secret.
/// </summary>
public sealed partial class FullRunTests
{
    private const string BotToken = "987654321:AAF-fake-bot-token-for-tests_0123456789";
    private const string EventSecret = "n8n-event-secret-0123456789abcdef";
    private const string AdminChat = "-1009999999999";

    [Fact]
    public async Task Ingest_publish_list_click_report_and_no_secret_in_logs()
    {
        await using var telegram = await FakeServer.StartAsync();
        telegram.Handler = FakeTelegram.Handle;
        await using var n8n = await FakeServer.StartAsync();
        await using var host = await RunningHost.StartAsync(HostSettings.WithChannels(new Dictionary<string, string?>
        {
            ["Rizquna:Telegram:BaseAddress"] = telegram.BaseAddress.AbsoluteUri,
            ["Rizquna:Telegram:BotToken"] = BotToken,
            ["Rizquna:Telegram:Reporter:AdminChatIds:0"] = AdminChat,
            ["Rizquna:Autopost:ShortenLinks"] = "true",
            ["Rizquna:Events:Urls:0"] = new Uri(n8n.BaseAddress, "/webhook/rizquna").AbsoluteUri,
            ["Rizquna:Events:Secret"] = EventSecret,
            ["Rizquna:Events:PollInterval"] = "00:00:00.100",
            ["Rizquna:Host:AutopostPollInterval"] = "00:00:00.200",
            ["Rizquna:Api:RateLimitPermits"] = "100000",
        }));

        // Ingest.
        var ingest = await host.Client.PostAsync("/api/autopost/ingest", new StringContent(
            """{"title":"Final tonight","summary":"Kick-off 20:00 WIB","link":"https://example.com/final","channels":["telegram/001"]}""",
            Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, ingest.StatusCode);
        using var created = JsonDocument.Parse(await ingest.Content.ReadAsStringAsync());
        var itemId = created.RootElement.GetProperty("id").GetInt64();

        // The worker publishes to the fake Telegram.
        var send = await Eventually.WaitAsync(() => Task.FromResult(telegram.Requests.FirstOrDefault(r => r.PathAndQuery.EndsWith("/sendMessage")
            && FakeTelegram.Field(r, "chat_id") == "-1001234567890")), "the post to reach the fake Telegram");
        var text = FakeTelegram.Field(send, "text")!;
        Assert.Contains("Final tonight", text);

        // The item is done (its channel result recorded).
        var item = await Eventually.WaitAsync(async () =>
        {
            var json = await host.Client.GetStringAsync($"/api/autopost/queue/{itemId}");
            return json.Contains("\"status\":\"posted\"") || json.Contains("\"status\":\"failed\"") ? json : null;
        }, "the item to be done", seconds: 20);
        Assert.Contains("\"status\":\"posted\"", item);

        // Listed as a post.
        var posts = await Eventually.WaitAsync(async () =>
        {
            var doc = JsonDocument.Parse(await host.Client.GetStringAsync("/api/autopost/posts?channel=telegram"));
            return doc.RootElement.GetProperty("items").GetArrayLength() > 0 ? doc : null;
        }, "the post to be listed", seconds: 20);
        Assert.Equal(itemId, posts.RootElement.GetProperty("items")[0].GetProperty("queue_item_id").GetInt64());
        Assert.Equal("posted", posts.RootElement.GetProperty("items")[0].GetProperty("status").GetString());

        // The published link goes through /go and is counted.
        var goLink = GoLink().Match(text);
        Assert.True(goLink.Success, "the published text carries a self-hosted short link: " + text);
        var click = await host.Anonymous.GetAsync(new Uri(goLink.Value).PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        Assert.StartsWith("https://example.com/final", click.Headers.Location!.AbsoluteUri);
        Assert.Contains("utm_source=telegram", click.Headers.Location!.Query);
        using (var afterClick = JsonDocument.Parse(await host.Client.GetStringAsync("/api/autopost/posts?channel=telegram")))
        {
            Assert.Equal(1, afterClick.RootElement.GetProperty("items")[0].GetProperty("clicks").GetInt32());
        }

        // The click is attributed to the account the post went to.
        using (var clicked = JsonDocument.Parse(await host.Client.GetStringAsync($"/api/links?queue_item_id={itemId}")))
        {
            var link = Assert.Single(clicked.RootElement.GetProperty("items").EnumerateArray());
            Assert.Equal(("telegram", "001", "telegram/001", 1), (link.GetProperty("platform").GetString(), link.GetProperty("account").GetString(),
                link.GetProperty("channel").GetString(), link.GetProperty("clicks").GetInt32()));
        }

        // The nightly report (lane C) is delivered to the fake admin chat.
        var reportLane = host.Services.GetServices<ILaneHandler>().Single(h => h.Lane == LaneKind.Report);
        var result = await reportLane.RunAsync(new JobRunContext
        {
            JobName = "ops_report_night",
            Lane = LaneKind.Report,
            PlanVersion = 1,
            ScheduledAt = DateTimeOffset.UtcNow,
            Attempt = 1,
            CorrelationId = "e2e",
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"),
        });
        Assert.Equal(LaneRunOutcome.Succeeded, result.Outcome);
        var report = await Eventually.WaitAsync(() => Task.FromResult(telegram.Requests.FirstOrDefault(r => r.PathAndQuery.EndsWith("/sendMessage")
            && FakeTelegram.Field(r, "chat_id") == AdminChat)), "the report in the admin chat");
        Assert.Contains("Final tonight", FakeTelegram.Field(report, "text"));

        // n8n got post.published and report.daily.
        await Eventually.WaitAsync(() => n8n.Requests.Any(r => r.Headers["X-Rizquna-Event"] == "post.published")
            && n8n.Requests.Any(r => r.Headers["X-Rizquna-Event"] == "report.daily"), "events delivered to n8n");

        // The daily report is also data.
        using var daily = JsonDocument.Parse(await host.Client.GetStringAsync("/api/reports/daily"));
        Assert.True(daily.RootElement.TryGetProperty("accounts", out _));

        // No configured secret ever reached a log line.
        var secrets = new[] { BotToken, BotToken.Split(':')[1], RunningHost.Token, EventSecret, HostSettings.GeneratorSecret };
        var lines = host.Logs.Lines.ToArray();
        Assert.True(lines.Length > 10, "the run logged");
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    [GeneratedRegex(@"https?://127\.0\.0\.1:\d+/go/[A-Za-z0-9]+")]
    private static partial Regex GoLink();
}
