namespace Rizquna.Scheduling.Audit;

/// <summary>Conveniences over <see cref="IAuditLog"/>.</summary>
public static class AuditLogExtensions
{
    /// <summary>Appends one event; returns it with its id.</summary>
    public static async Task<AuditEvent> AppendAsync(this IAuditLog log, AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(auditEvent);
        var stored = await log.AppendAsync([auditEvent], cancellationToken).ConfigureAwait(false);
        return stored[0];
    }
}
