namespace Rizquna;

/// <summary>A report or alert for the operators, as plain text; each reporter escapes and splits it for its channel.</summary>
/// <param name="Title">A one-line title.</param>
/// <param name="Body">The plain-text body; lines are kept together when a channel splits it.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="CreatedAt">When it was made.</param>
public sealed record Report(string Title, string Body, ReportSeverity Severity, DateTimeOffset CreatedAt)
{
    /// <summary>A stable id, so a channel can drop a repeated delivery.</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("n");

    /// <summary>A short machine-readable type, e.g. <c>report.daily</c>, <c>alert.cooldown</c>.</summary>
    public string Type { get; init; } = "report";
}
