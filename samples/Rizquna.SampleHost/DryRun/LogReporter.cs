namespace Rizquna.SampleHost.DryRun;

/// <summary>Writes reports and alerts to the log (always on, so nothing an operator should see is lost).</summary>
internal sealed partial class LogReporter(ILogger<LogReporter> logger) : IReporter
{
    public string Name => "log";

    public Task SendAsync(Report report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        LogReport(logger, report.Severity, report.Title, report.Body);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report [{Severity}] {Title}\n{Body}")]
    private static partial void LogReport(ILogger logger, ReportSeverity severity, string title, string body);
}
