using Microsoft.Extensions.Options;
using Rizquna.Connectors.Waha.Api;
using Rizquna.Connectors.Waha.Sessions;

namespace Rizquna.Connectors.Waha.Reporting;

/// <summary>
/// Sends reports and alerts to the operators' WhatsApp chat (<see cref="WahaOptions.AdminChatId"/>) through the default
/// session, split on line boundaries to <see cref="WahaOptions.ReportChunkLength"/>. A report already delivered (same
/// <see cref="Report.Id"/>) is not sent again.
/// </summary>
internal sealed class WahaReporter : IReporter
{
    private const int RememberedReports = 1_000;

    private readonly WahaClient _client;
    private readonly IOptionsMonitor<WahaOptions> _options;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _delivered = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public WahaReporter(WahaClient client, IOptionsMonitor<WahaOptions> options)
    {
        _client = client;
        _options = options;
    }

    public string Name => WahaSessionMonitor.WhatsAppReporterName;

    public async Task SendAsync(Report report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var options = _options.CurrentValue;
        if (!WahaChatId.TryNormalize(options.AdminChatId, out var chatId, out var error, options.CountryCode))
        {
            throw new PlatformException(PlatformId.WhatsApp, PlatformErrorKind.Permanent, "WAHA reporter: Rizquna:Waha:AdminChatId: " + error);
        }

        lock (_gate)
        {
            if (_delivered.Contains(report.Id))
            {
                return;
            }
        }

        var account = new AccountRef(PlatformId.WhatsApp, "reporter", options.Session);
        foreach (var chunk in ReportSplitter.Split(Format(report), options.ReportChunkLength))
        {
            await _client.SendTextAsync(account, chatId, chunk, replyTo: null, cancellationToken).ConfigureAwait(false);
        }

        Remember(report.Id);
    }

    // WhatsApp renders *text* as bold; the severity mark makes alerts stand out in a busy admin chat.
    internal static string Format(Report report)
    {
        var mark = report.Severity switch
        {
            ReportSeverity.Critical => "🚨 ",
            ReportSeverity.Warning => "⚠️ ",
            _ => string.Empty,
        };
        var title = report.Title.Replace('\n', ' ').Replace("*", string.Empty, StringComparison.Ordinal);
        return string.IsNullOrEmpty(report.Body) ? $"{mark}*{title}*" : $"{mark}*{title}*\n{report.Body}";
    }

    private void Remember(string id)
    {
        lock (_gate)
        {
            if (_delivered.Add(id))
            {
                _order.Enqueue(id);
                if (_order.Count > RememberedReports)
                {
                    _delivered.Remove(_order.Dequeue());
                }
            }
        }
    }
}
