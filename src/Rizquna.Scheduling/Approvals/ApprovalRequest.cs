namespace Rizquna.Scheduling.Approvals;

/// <summary>An action a lane wants to take, described for the approval policy and for the operator who decides.</summary>
public sealed record ApprovalRequest
{
    /// <summary>A stable key of the action (e.g. the publish idempotency key): asking twice returns the same approval.</summary>
    public required string ActionKey { get; init; }

    /// <summary>What kind of action: <c>publish</c>, <c>reply</c>, <c>delete</c>…</summary>
    public required string ActionType { get; init; }

    /// <summary>The account acted on.</summary>
    public AccountRef? Account { get; init; }

    /// <summary>The job asking.</summary>
    public string? JobName { get; init; }

    /// <summary>The text that would be sent, for keyword/price rules and for the operator to read.</summary>
    public string? Text { get; init; }

    /// <summary>The asking run's correlation id (<see cref="Engine.JobRunContext.CorrelationId"/>), tying the approval's audit events to it.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Extra facts for the policy (e.g. <c>first_publish=true</c>).</summary>
    public IReadOnlyDictionary<string, string> Facts { get; init; } = new Dictionary<string, string>(0);
}
