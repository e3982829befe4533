using System.Globalization;
using Microsoft.Extensions.Options;
using Rizquna.Scheduling.Engine;

namespace Rizquna.Scheduling.Lanes.Reporting;

/// <summary>
/// Lane C (<c>&lt;prefix&gt;_report_night</c>): builds the local day's report and delivers it through every registered
/// <see cref="IReporter"/>, split to each reporter's length limit (<see cref="ReportDeliveryOptions"/>). The report id is
/// stable per day, so a retried delivery can be dropped by a channel that has it already.
/// </summary>
public sealed class ReportLaneHandler : ILaneHandler
{
    private readonly DailyReportService _reports;
    private readonly IReadOnlyList<IReporter> _reporters;
    private readonly IOptionsMonitor<LanesOptions> _options;
    private readonly IOptionsMonitor<ReportDeliveryOptions> _delivery;

    /// <summary>Creates the handler.</summary>
    public ReportLaneHandler(DailyReportService reports, IEnumerable<IReporter> reporters, IOptionsMonitor<LanesOptions> options, IOptionsMonitor<ReportDeliveryOptions> delivery)
    {
        _reports = reports ?? throw new ArgumentNullException(nameof(reports));
        _reporters = reporters?.ToArray() ?? [];
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _delivery = delivery ?? throw new ArgumentNullException(nameof(delivery));
    }

    /// <inheritdoc />
    public LaneKind Lane => LaneKind.Report;

    /// <inheritdoc />
    public async Task<LaneRunResult> RunAsync(JobRunContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.ScheduledAt, context.TimeZone).DateTime);
        var report = await _reports.BuildAsync(day, context.TimeZone, cancellationToken).ConfigureAwait(false);
        if (_reporters.Count == 0)
        {
            return LaneRunResult.Skipped("no reporter is registered");
        }

        var body = DailyReportFormatter.Format(report);
        var title = $"{_options.CurrentValue.ReportTitle} {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var id = $"report.daily:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var limits = _delivery.CurrentValue.MessageLimits;
        List<Exception>? failures = null;
        foreach (var reporter in _reporters)
        {
            var parts = limits.TryGetValue(reporter.Name, out var limit) ? DailyReportFormatter.Split(body, Math.Max(16, limit - title.Length - 16)) : [body];
            try
            {
                for (var i = 0; i < parts.Count; i++)
                {
                    var partTitle = parts.Count == 1 ? title : $"{title} ({i + 1}/{parts.Count})";
                    var partId = parts.Count == 1 ? id : $"{id}:{i + 1}";
                    await reporter.SendAsync(new Report(partTitle, parts[i], ReportSeverity.Info, report.GeneratedAt) { Id = partId, Type = "report.daily" }, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                (failures ??= []).Add(exception);
            }
        }

        if (failures is not null)
        {
            // The run fails so the kernel retries; reporters that got it may drop the repeat by its id.
            throw failures[0] is PlatformException platform && failures.Count == 1
                ? platform
                : new AggregateException($"The daily report could not be delivered through {failures.Count} reporter(s).", failures);
        }

        return LaneRunResult.Succeeded($"report for {day:yyyy-MM-dd} sent to {_reporters.Count} reporter(s): {report.Accounts.Count} account(s), {report.Totals.PostCount} post(s)");
    }
}
