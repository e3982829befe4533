using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Security.Cryptography;
using System.Text;
using Rizquna.SampleHost.Health;
using Rizquna.SampleHost.Tests.Infrastructure;
using Rizquna.Testing;

namespace Rizquna.SampleHost.Tests.EndToEnd;

/// <summary>Alerts reach the operators' Telegram admin chat through the running host (issue 8, "The host").</summary>
public sealed class AlertTests
{
    private const string BotToken = "987654321:AAF-fake-bot-token-for-tests_0123456789";
    private const string AdminChat = "-1009999999999";
    private const string WahaKey = "waha-hmac-key-0123456789";

    private static Dictionary<string, string?> Settings(FakeServer telegram, IDictionary<string, string?>? extra = null)
    {
        var settings = HostSettings.WithChannels(new Dictionary<string, string?>
        {
            ["Rizquna:Telegram:BaseAddress"] = telegram.BaseAddress.AbsoluteUri,
            ["Rizquna:Telegram:BotToken"] = BotToken,
            ["Rizquna:Telegram:Reporter:AdminChatIds:0"] = AdminChat,
        });
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    private static List<string> AdminMessages(FakeServer telegram, string containing) =>
        telegram.Requests.Where(r => r.PathAndQuery.EndsWith("/sendMessage", StringComparison.Ordinal) && FakeTelegram.Field(r, "chat_id") == AdminChat)
            .Select(r => FakeTelegram.Field(r, "text") ?? string.Empty)
            .Where(t => t.Contains(containing, StringComparison.Ordinal))
            .ToList();

    [Fact]
    public async Task An_invalid_token_alerts_the_admin_chat_once_a_day_per_token()
    {
        await using var telegram = await FakeServer.StartAsync();
        telegram.Handler = r => r.PathAndQuery.Split('?')[0].EndsWith("/getMe", StringComparison.Ordinal)
            ? (401, """{"ok":false,"error_code":401,"description":"Unauthorized"}""")
            : FakeTelegram.Handle(r);
        await using var host = await RunningHost.StartAsync(Settings(telegram));

        // The background monitor checks on start.
        await Eventually.WaitAsync(() => AdminMessages(telegram, "telegram/001").Count == 1, "the token alert");
        Assert.Contains("invalid", AdminMessages(telegram, "telegram/001")[0], StringComparison.Ordinal);

        // Further checks the same day (here: on another day's clock, twice) alert once; the next day again.
        var clock = new ManualTimeProvider(new DateTimeOffset(2031, 5, 1, 3, 0, 0, TimeSpan.Zero));
        var monitor = ActivatorUtilities.CreateInstance<TokenHealthMonitor>(host.Services, (TimeProvider)clock);
        await monitor.CheckAllAsync(CancellationToken.None);
        await monitor.CheckAllAsync(CancellationToken.None);
        Assert.Equal(2, AdminMessages(telegram, "telegram/001").Count);
        clock.Advance(TimeSpan.FromHours(12));
        await monitor.CheckAllAsync(CancellationToken.None);
        Assert.Equal(2, AdminMessages(telegram, "telegram/001").Count);
        clock.Advance(TimeSpan.FromHours(12));
        await monitor.CheckAllAsync(CancellationToken.None);
        Assert.Equal(3, AdminMessages(telegram, "telegram/001").Count);
        Assert.DoesNotContain(BotToken.Split(':')[1], string.Join('\n', AdminMessages(telegram, string.Empty)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_expiring_within_24_hours_alerts_once_a_day_and_shows_on_health()
    {
        await using var telegram = await FakeServer.StartAsync();
        telegram.Handler = FakeTelegram.Handle;
        // Bot tokens never expire, so the platform's inspector is swapped for one reporting an expiry in 5 hours.
        await using var host = await RunningHost.StartAsync(Settings(telegram), builder =>
        {
            builder.Services.RemoveAll<ITokenInspector>();
            builder.Services.AddSingleton<ITokenInspector>(new ExpiringInspector(TimeSpan.FromHours(5)));
        });

        await Eventually.WaitAsync(() => AdminMessages(telegram, "expires soon").Count == 1, "the expiry alert");
        Assert.Contains("telegram/001", AdminMessages(telegram, "expires soon")[0], StringComparison.Ordinal);
        using var health = System.Text.Json.JsonDocument.Parse(await host.Anonymous.GetStringAsync("/health"));
        var token = health.RootElement.GetProperty("tokens").GetProperty("telegram/001");
        Assert.True(token.GetProperty("valid").GetBoolean());
        Assert.True(token.GetProperty("expiring_soon").GetBoolean());

        await ActivatorUtilities.CreateInstance<TokenHealthMonitor>(host.Services).CheckAllAsync(CancellationToken.None);
        Assert.Single(AdminMessages(telegram, "expires soon"));
    }

    private sealed class ExpiringInspector(TimeSpan left) : ITokenInspector
    {
        public PlatformId Platform => PlatformId.Telegram;

        public Task<TokenHealth> InspectAsync(AccountRef account, CancellationToken cancellationToken = default) =>
            Task.FromResult(new TokenHealth { IsValid = true, ExpiresAt = DateTimeOffset.UtcNow + left });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_waha_session_needing_a_qr_scan_alerts_the_admin_chat_once_per_outage(bool wahaLive)
    {
        await using var telegram = await FakeServer.StartAsync();
        telegram.Handler = FakeTelegram.Handle;
        await using var waha = await FakeServer.StartAsync();
        waha.Handler = _ => (200, "[]");
        var extra = new Dictionary<string, string?> { ["Rizquna:Waha:WebhookHmacKey"] = WahaKey };
        if (wahaLive)
        {
            extra["Rizquna:Waha:BaseAddress"] = waha.BaseAddress.AbsoluteUri;
        }

        await using var host = await RunningHost.StartAsync(Settings(telegram, extra));
        const string qr = """{"event":"session.status","session":"default","payload":{"name":"default","status":"SCAN_QR_CODE"}}""";

        Assert.Equal(HttpStatusCode.OK, (await PostWahaAsync(host, qr)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostWahaAsync(host, qr)).StatusCode);

        var alert = Assert.Single(AdminMessages(telegram, "QR"));
        Assert.Contains("'default'", alert, StringComparison.Ordinal);
        Assert.Contains("SCAN_QR_CODE", alert, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_consecutive_failures_put_the_account_in_cooldown_and_alert_the_admin_chat_once()
    {
        // Lane A's Telegram poll fails every time (Bot API 502); everything else works, so the alert itself gets out.
        await using var telegram = await FakeServer.StartAsync();
        telegram.Handler = r => r.PathAndQuery.Split('?')[0].EndsWith("/getUpdates", StringComparison.Ordinal)
            ? (502, """{"ok":false,"error_code":502,"description":"Bad Gateway"}""")
            : FakeTelegram.Handle(r);
        await using var host = await RunningHost.StartAsync(Settings(telegram));
        using var jobs = System.Text.Json.JsonDocument.Parse(await host.Client.GetStringAsync("/api/jobs"));
        var reply = jobs.RootElement.GetProperty("jobs").EnumerateArray()
            .First(j => j.GetProperty("lane").GetString() == "reply" && j.GetProperty("account").GetString() == "telegram/001")
            .GetProperty("name").GetString()!;
        var store = host.Services.GetRequiredService<Rizquna.Scheduling.Storage.IJobStore>();
        var engine = host.Services.GetRequiredService<Rizquna.Scheduling.Engine.SchedulerEngine>();

        // Run the job now, again and again (each failure schedules a retry later: bring it forward), until the alert.
        // The hosted engine may have claimed it first: each round waits for one more recorded failure.
        for (var failures = 1; failures <= 3; failures++)
        {
            var wanted = failures;
            await Eventually.WaitAsync(async () =>
            {
                await store.WakeAsync(reply, DateTimeOffset.UtcNow);
                await engine.RunDueAsync();
                return await FailedRunsAsync(host, reply) >= wanted;
            }, $"failed run {wanted}");
        }

        await Eventually.WaitAsync(() => AdminMessages(telegram, "paused").Count > 0, "the cooldown alert");
        Assert.Equal(3, await FailedRunsAsync(host, reply));
        var alert = Assert.Single(AdminMessages(telegram, "paused"));
        Assert.Contains("telegram/001", alert, StringComparison.Ordinal);
        Assert.Contains("3 consecutive failures", alert, StringComparison.Ordinal);
        using var timeline = System.Text.Json.JsonDocument.Parse(await host.Client.GetStringAsync("/api/timeline?type=cooldown.entered,alert.sent&account=telegram/001"));
        Assert.Equal(["cooldown.entered", "alert.sent"], timeline.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.DoesNotContain(BotToken.Split(':')[1], alert, StringComparison.Ordinal);
    }

    private static async Task<int> FailedRunsAsync(RunningHost host, string job)
    {
        using var failed = System.Text.Json.JsonDocument.Parse(await host.Client.GetStringAsync($"/api/timeline?type=run.failed&job={job}"));
        return failed.RootElement.GetProperty("items").GetArrayLength();
    }

    private static Task<HttpResponseMessage> PostWahaAsync(RunningHost host, string body)
    {
        var mac = Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(WahaKey), Encoding.UTF8.GetBytes(body)));
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/waha") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Webhook-Hmac", mac);
        request.Headers.TryAddWithoutValidation("X-Webhook-Hmac-Algorithm", "sha512");
        return host.Anonymous.SendAsync(request);
    }
}
