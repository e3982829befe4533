namespace Rizquna.Scheduling.Approvals;

/// <summary>One approval: the action it covers and its decision.</summary>
public sealed record ApprovalRecord
{
    /// <summary>The approval's id.</summary>
    public required string Id { get; init; }

    /// <summary>The action's stable key (one approval per key).</summary>
    public required string ActionKey { get; init; }

    /// <summary>The action's type (<c>publish</c>, <c>reply</c>, <c>delete</c>…).</summary>
    public required string ActionType { get; init; }

    /// <summary>The account, as <c>platform/key</c>, when any.</summary>
    public string? Account { get; init; }

    /// <summary>The job that asked, when any.</summary>
    public string? JobName { get; init; }

    /// <summary>The text the action would send.</summary>
    public string? Text { get; init; }

    /// <summary>Why the policy marked it sensitive.</summary>
    public string? Reason { get; init; }

    /// <summary>Where it stands.</summary>
    public required ApprovalStatus Status { get; init; }

    /// <summary>When it was requested.</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>When it expires if still pending.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it was decided (approved, rejected or expired).</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>Who decided (<c>system</c> for expiry).</summary>
    public string? DecidedBy { get; init; }

    /// <summary>The operator's note (e.g. why rejected).</summary>
    public string? Note { get; init; }

    /// <summary>Ties the approval to the run that asked.</summary>
    public string? CorrelationId { get; init; }
}
