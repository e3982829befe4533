namespace Rizquna.Scheduling.Autopost;

/// <summary>The state and result of one channel (one platform account) of a queue item.</summary>
public sealed record AutopostChannelResult
{
    /// <summary>The channel, <c>platform/account</c> (e.g. <c>facebook/001</c>).</summary>
    public required string Channel { get; init; }

    /// <summary>Pending, posted, failed, skipped or cancelled.</summary>
    public AutopostChannelStatus Status { get; init; } = AutopostChannelStatus.Pending;

    /// <summary>How many times the platform was called for this channel.</summary>
    public int Attempts { get; init; }

    /// <summary>When the next try is due (a retry or an approval re-check); null when due now or done.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>
    /// When an attempt whose outcome is not known began (a worker claimed the channel and has not recorded a result,
    /// or the platform answered "outcome unknown"). The next dispatch reconciles before it publishes again.
    /// </summary>
    public DateTimeOffset? AttemptStartedAt { get; init; }

    /// <summary>The platform's post id, once posted.</summary>
    public string? PlatformPostId { get; init; }

    /// <summary>The post's public URL, when the platform gave one.</summary>
    public Uri? Url { get; init; }

    /// <summary>When the platform accepted the post.</summary>
    public DateTimeOffset? PostedAt { get; init; }

    /// <summary>The last error, for failed channels and pending retries.</summary>
    public string? Error { get; init; }

    /// <summary>The approval this channel waits for, while it is pending approval.</summary>
    public string? ApprovalId { get; init; }

    /// <summary>For a skipped channel: the id of the earlier item that posted the same dedup key to this channel.</summary>
    public long? SkippedBecauseOf { get; init; }
}
