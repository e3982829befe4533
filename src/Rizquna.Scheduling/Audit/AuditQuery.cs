namespace Rizquna.Scheduling.Audit;

/// <summary>A filter over the audit log; all set fields must match. Results are ordered by id (append order).</summary>
public sealed record AuditQuery
{
    /// <summary>Only this account (<c>platform/key</c>).</summary>
    public string? Account { get; init; }

    /// <summary>Only this job.</summary>
    public string? JobName { get; init; }

    /// <summary>Only these event types (any of them).</summary>
    public IReadOnlyList<string>? Types { get; init; }

    /// <summary>Only this correlation id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>At or after.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Before.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Paging: only events with an id greater than this.</summary>
    public long AfterId { get; init; }

    /// <summary>Page size (1..10,000). Default 100.</summary>
    public int Limit { get; init; } = 100;
}
