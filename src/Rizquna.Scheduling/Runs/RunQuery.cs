namespace Rizquna.Scheduling.Runs;

/// <summary>A filter over recorded runs; all set fields must match. Results are ordered by id (append order).</summary>
public sealed record RunQuery
{
    /// <summary>Only this job.</summary>
    public string? JobName { get; init; }

    /// <summary>Only this account (<c>platform/key</c>).</summary>
    public string? Account { get; init; }

    /// <summary>Only this outcome.</summary>
    public RunOutcome? Outcome { get; init; }

    /// <summary>Started at or after.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Started before.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Paging: only runs with an id greater than this (the previous page's <see cref="Storage.Page{T}.NextAfter"/>).</summary>
    public long AfterId { get; init; }

    /// <summary>Page size (1..10,000). Default 100.</summary>
    public int Limit { get; init; } = 100;
}
