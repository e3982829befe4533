using Microsoft.Data.Sqlite;
using Rizquna.Scheduling.Audit;

namespace Rizquna.SampleHost.Events;

/// <summary>
/// Forwards the kernel's <c>approval.requested</c> audit events to n8n as <c>approval.requested</c> events (an approval
/// loop in n8n waits on them). Each audit event id maps to one outbox event, so a restart re-scan sends nothing twice.
/// The payload carries the approval id (the audit event's subject), so a workflow can call
/// <c>POST /api/approvals/{approval_id}/approve|reject</c> from the event alone.
/// </summary>
internal sealed partial class ApprovalEventForwarder(IAuditLog audit, EventOutbox outbox, IConfiguration configuration, ILogger<ApprovalEventForwarder> logger) : BackgroundService
{
    private long _after;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Rizquna:Host:AutopostPollInterval", TimeSpan.FromSeconds(2));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (outbox.Enabled)
                {
                    var page = await audit.QueryAsync(new AuditQuery { Types = [AuditEventTypes.ApprovalRequested], AfterId = _after, Limit = 100 }, stoppingToken);
                    foreach (var e in page.Items)
                    {
                        await outbox.PublishOnceAsync("approval:" + e.Id, EventTypes.ApprovalRequested, new
                        {
                            approval_id = e.SubjectId,
                            approve_path = e.SubjectId is { } id ? $"/api/approvals/{Uri.EscapeDataString(id)}/approve" : null,
                            reject_path = e.SubjectId is { } rid ? $"/api/approvals/{Uri.EscapeDataString(rid)}/reject" : null,
                            audit_id = e.Id, at = e.At, account = e.Account, job = e.JobName, correlation_id = e.CorrelationId, detail = e.Detail,
                        }, stoppingToken);
                        _after = e.Id;
                    }

                    if (page.NextAfter is not null)
                    {
                        continue;
                    }
                }

                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is SqliteException or IOException or InvalidOperationException)
            {
                LogFailure(logger, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Approval events not forwarded this round: {Message}")]
    private static partial void LogFailure(ILogger logger, string message);
}
