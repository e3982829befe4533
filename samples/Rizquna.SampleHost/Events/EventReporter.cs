namespace Rizquna.SampleHost.Events;

/// <summary>
/// A reporter that forwards the nightly report to n8n as <c>report.daily</c> (every part of it, with its id), so a
/// workflow can react; alerts stay with the human channels.
/// </summary>
internal sealed class EventReporter(EventOutbox outbox) : IReporter
{
    public string Name => "n8n-events";

    public async Task SendAsync(Report report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Type == EventTypes.ReportDaily)
        {
            await outbox.PublishOnceAsync("report:" + report.Id, EventTypes.ReportDaily,
                new { report_id = report.Id, title = report.Title, body = report.Body, created_at = report.CreatedAt }, cancellationToken);
        }
    }
}
