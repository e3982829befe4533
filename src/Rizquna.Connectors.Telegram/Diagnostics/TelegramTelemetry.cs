using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// The connector's ActivitySource and Meter, both named <c>Rizquna.Connectors.Telegram</c>. Tags carry the Bot API
/// method and the outcome, never a URL (the bot token is in its path).
/// </summary>
internal static class TelegramTelemetry
{
    public const string Name = "Rizquna.Connectors.Telegram";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Bot API calls, tagged <c>telegram.method</c> and <c>outcome</c> (<c>ok</c> or the error kind).</summary>
    public static readonly Counter<long> Calls = Meter.CreateCounter<long>("rizquna.telegram.calls", description: "Bot API calls by method and outcome");

    /// <summary>Time sends waited for a pacing slot, in seconds.</summary>
    public static readonly Histogram<double> PacingWait = Meter.CreateHistogram<double>("rizquna.telegram.pacing.wait", unit: "s",
        description: "Time a send waited for a pacing slot");

    public static void RecordCall(string method, string outcome)
    {
        if (Calls.Enabled)
        {
            Calls.Add(1, new KeyValuePair<string, object?>("telegram.method", method), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
