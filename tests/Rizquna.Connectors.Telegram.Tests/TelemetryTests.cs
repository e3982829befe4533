using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;

namespace Rizquna.Connectors.Telegram.Tests;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Calls_are_counted_by_method_and_outcome()
    {
        var seen = new ConcurrentBag<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Rizquna.Connectors.Telegram" && instrument.Name == "rizquna.telegram.calls")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var method = tags.ToArray().Single(t => t.Key == "telegram.method").Value;
            var outcome = tags.ToArray().Single(t => t.Key == "outcome").Value;
            seen.Add($"{method}/{outcome}");
        });
        listener.Start();
        using var host = new TelegramTestHost();
        host.On("getMe", HttpStatusCode.OK, TelegramTestHost.Ok("""{"id":1,"is_bot":true,"first_name":"B"}"""));
        host.On("sendVideo", HttpStatusCode.Forbidden, TelegramTestHost.Error(403, "Forbidden: bot was blocked by the user"));

        await host.Get<TelegramTokenInspector>().InspectAsync(TelegramTestHost.Account);
        await Assert.ThrowsAsync<PlatformException>(() => host.Get<TelegramPublisher>().PublishAsync(new PublishRequest(
            TelegramTestHost.Account, new Post { Media = [MediaItem.FromUrl(MediaKind.Video, new Uri("https://cdn.test/v.mp4"))] }, "k")));

        Assert.Contains("getMe/ok", seen);
        Assert.Contains("sendVideo/Forbidden", seen);
    }
}
