using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using RichardSzalay.MockHttp;

namespace Rizquna.Connectors.Waha.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task Sends_and_failures_are_counted_with_low_cardinality_tags()
    {
        var seen = new ConcurrentBag<(string Instrument, string Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Rizquna.Connectors.Waha")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
            seen.Add((instrument.Name, string.Join(',', tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();

        using var f = new WahaFixture();
        f.Http.Expect(HttpMethod.Post, "http://waha.test/api/sendText").Respond(HttpStatusCode.Created, "application/json", """{"id":"m1"}""");
        f.Http.Expect(HttpMethod.Post, "http://waha.test/api/sendText").Respond(HttpStatusCode.Forbidden);
        var publisher = f.Get<IEnumerable<IPublisher>>().Single();
        await publisher.PublishAsync(new PublishRequest(WahaFixture.Account, new Post { Text = "a" }, "k1"));
        await Assert.ThrowsAsync<PlatformException>(() => publisher.PublishAsync(new PublishRequest(WahaFixture.Account, new Post { Text = "b" }, "k2")));

        Assert.Contains(("rizquna.waha.messages.sent", "endpoint=api/sendText"), seen);
        Assert.Contains(("rizquna.waha.calls.failed", "operation=api/sendText,kind=Forbidden"), seen);
    }
}
