using System.Text.Json;
using Rizquna.SampleHost.DryRun;
using Rizquna.SampleHost.Tests.Infrastructure;

namespace Rizquna.SampleHost.Tests.DryRun;

public sealed class DryRunTests
{
    [Fact]
    public async Task Without_credentials_every_platform_is_dry_run_and_records_the_request_it_would_send()
    {
        await using var host = await RunningHost.StartAsync();
        var publishers = host.Services.GetServices<IPublisher>().ToDictionary(p => p.Platform.Value);
        Assert.Contains("telegram", publishers.Keys);
        Assert.Contains("facebook", publishers.Keys);
        Assert.All(publishers.Values, p => Assert.IsType<DryRunPublisher>(p));

        var account = new AccountRef(PlatformId.Telegram, "001", "-1001234567890");
        var result = await publishers["telegram"].PublishAsync(new PublishRequest(account,
            new Post { Text = "Hello", Link = new Uri("https://example.com/a") }, "idem-1"));
        Assert.Equal("true", result.Details["dry_run"]);

        var record = Assert.Single(await host.Services.GetRequiredService<DryRunRecorder>().ListAsync());
        Assert.Equal(result.PlatformPostId, record.Id);
        Assert.Equal("/bot{token}/sendMessage", record.Request["path"]!.GetValue<string>());
        Assert.Equal("-1001234567890", record.Request["body"]!["chat_id"]!.GetValue<string>());
        Assert.Equal("Hello\nhttps://example.com/a", record.Request["body"]!["text"]!.GetValue<string>());

        var health = await Eventually.WaitAsync(async () =>
        {
            var doc = JsonDocument.Parse(await host.Anonymous.GetStringAsync("/health"));
            return doc.RootElement.GetProperty("tokens").TryGetProperty("telegram/001", out _) ? doc : null;
        }, "the token board to be filled", seconds: 30);
        var token = health.RootElement.GetProperty("tokens").GetProperty("telegram/001");
        Assert.True(token.GetProperty("valid").GetBoolean());
        Assert.False(token.GetProperty("expiring_soon").GetBoolean());
        Assert.Equal("dry-run", token.GetProperty("mode").GetString());
        Assert.Contains("telegram: dry-run", health.RootElement.GetProperty("components").GetProperty("platforms").GetProperty("detail").GetString());
        Assert.Contains(host.Logs.Lines, l => l.Contains("DRY-RUN") && l.Contains("NOT sent"));
    }
}
