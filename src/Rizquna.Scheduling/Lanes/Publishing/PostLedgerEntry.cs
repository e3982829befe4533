namespace Rizquna.Scheduling.Lanes.Publishing;

/// <summary>Lane B's record of one content item for one account: the intent, then the result.</summary>
public sealed record PostLedgerEntry
{
    /// <summary>The account, <c>platform/key</c>.</summary>
    public required string Account { get; init; }

    /// <summary>The content item's id (file or folder name).</summary>
    public required string ItemId { get; init; }

    /// <summary>The publish request's idempotency key.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Where it stands.</summary>
    public required PostLedgerState State { get; init; }

    /// <summary>The job occurrence (scheduled instant) that took the item.</summary>
    public required DateTimeOffset Occurrence { get; init; }

    /// <summary>When the (last) attempt began.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The platform's post id, once published.</summary>
    public string? PlatformPostId { get; init; }

    /// <summary>The post's public URL, when known.</summary>
    public Uri? Permalink { get; init; }

    /// <summary>When the platform accepted it.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The error, for failed, retryable and unknown entries.</summary>
    public string? Error { get; init; }

    /// <summary>When the entry last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}
