namespace Rizquna.Scheduling.Audit;

/// <summary>One state change, appended to the audit log and never changed.</summary>
public sealed record AuditEvent
{
    /// <summary>The store's id (assigned on append, increasing; 0 before).</summary>
    public long Id { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>What happened: one of <see cref="AuditEventTypes"/> (lanes may add their own, dotted lower-case).</summary>
    public required string Type { get; init; }

    /// <summary>Who did it: <c>system</c>, a worker id, an operator's name.</summary>
    public required string Actor { get; init; }

    /// <summary>The job concerned, when any.</summary>
    public string? JobName { get; init; }

    /// <summary>The account concerned, as <c>platform/key</c>, when any.</summary>
    public string? Account { get; init; }

    /// <summary>The plan version concerned, when any.</summary>
    public int? PlanVersion { get; init; }

    /// <summary>Ties the events of one run, approval or plan change together.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The id of the object the event is about, when any: the approval id for <c>approval.*</c> events.</summary>
    public string? SubjectId { get; init; }

    /// <summary>A short human-readable detail (error message, diff summary, reason).</summary>
    public string? Detail { get; init; }
}
