using System.Text;
using System.Text.Json;
using Rizquna.SampleHost.Events;
using Rizquna.SampleHost.Security;
using Rizquna.SampleHost.Tests.Infrastructure;

namespace Rizquna.SampleHost.Tests.Events;

public sealed class EventOutboxTests
{
    private const string Secret = "event-secret-abcdef0123456789";

    [Fact]
    public async Task Events_are_signed_and_retried_until_the_receiver_accepts()
    {
        await using var receiver = await FakeServer.StartAsync();
        var calls = 0;
        receiver.Handler = _ => Interlocked.Increment(ref calls) <= 2 ? (500, "{}") : (200, "{}");
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?>
        {
            ["Rizquna:Events:Urls:0"] = new Uri(receiver.BaseAddress, "/n8n/hook").AbsoluteUri,
            ["Rizquna:Events:Secret"] = Secret,
            ["Rizquna:Events:FirstRetryDelay"] = "00:00:00.050",
            ["Rizquna:Events:PollInterval"] = "00:00:00.050",
        });
        var outbox = host.Services.GetRequiredService<EventOutbox>();

        var id = await outbox.PublishAsync(EventTypes.PostPublished, new { queue_item_id = 7, channel = "telegram/001" });

        var row = await Eventually.WaitAsync(async () => (await outbox.ListAsync()).FirstOrDefault(r => r.Status == "delivered"), "delivery");
        Assert.Equal(id, row.EventId);
        Assert.Equal(3, row.Attempts);
        Assert.Equal(3, receiver.Requests.Count);
        var last = receiver.Requests.Last();
        using var body = JsonDocument.Parse(last.Body);
        Assert.Equal(id, body.RootElement.GetProperty("id").GetString());
        Assert.Equal("post.published", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(7, body.RootElement.GetProperty("payload").GetProperty("queue_item_id").GetInt32());
        Assert.True(body.RootElement.TryGetProperty("time", out _));
        var timestamp = long.Parse(last.Headers[HmacSignature.TimestampHeader]);
        Assert.True(HmacSignature.Verify(Secret, timestamp, Encoding.UTF8.GetBytes(last.Body), last.Headers[HmacSignature.SignatureHeader]));
        Assert.All(receiver.Requests, r => Assert.Equal(id, r.Headers["X-Rizquna-Event-Id"]));
    }

    [Fact]
    public async Task Without_receivers_nothing_is_recorded()
    {
        await using var host = await RunningHost.StartAsync();
        var outbox = host.Services.GetRequiredService<EventOutbox>();
        Assert.Null(await outbox.PublishAsync(EventTypes.ReportDaily, new { }));
        Assert.Empty(await outbox.ListAsync());
    }
}
