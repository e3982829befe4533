using System.Diagnostics.Metrics;

namespace Rizquna.Connectors.Waha.Diagnostics;

/// <summary>The connector's counters (meter <c>Rizquna.Connectors.Waha</c>); tags never carry a chat id, a key or a text.</summary>
internal static class WahaMetrics
{
    public const string MeterName = "Rizquna.Connectors.Waha";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Messages the gateway accepted, by endpoint.</summary>
    public static readonly Counter<long> MessagesSent = Meter.CreateCounter<long>("rizquna.waha.messages.sent", description: "Messages the WAHA gateway accepted.");

    /// <summary>Failed calls, by operation and error kind.</summary>
    public static readonly Counter<long> CallsFailed = Meter.CreateCounter<long>("rizquna.waha.calls.failed", description: "WAHA calls that ended in a PlatformException.");

    /// <summary>Webhook calls, by outcome.</summary>
    public static readonly Counter<long> Webhooks = Meter.CreateCounter<long>("rizquna.waha.webhooks", description: "WAHA webhook calls, by outcome.");

    /// <summary>Sessions that went from working to needing an operator.</summary>
    public static readonly Counter<long> SessionsPaused = Meter.CreateCounter<long>("rizquna.waha.sessions.paused", description: "WAHA sessions paused for a QR scan, failure or stop.");
}
