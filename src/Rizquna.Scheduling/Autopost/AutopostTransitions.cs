namespace Rizquna.Scheduling.Autopost;

/// <summary>
/// The queue's state rules in one place, shared by every store: how an item's status and due time follow from its
/// channels, and what cancel and retry-now do.
/// </summary>
public static class AutopostTransitions
{
    /// <summary>
    /// The item's status and the time it is next due, from its channels: pending channels keep it ready (or pending
    /// approval) and due at their earliest next attempt; otherwise failed beats posted beats cancelled beats skipped.
    /// </summary>
    public static AutopostStatus Summarize(IReadOnlyList<AutopostChannelResult> channels, DateTimeOffset publishAt, out DateTimeOffset? dueAt)
    {
        ArgumentNullException.ThrowIfNull(channels);
        dueAt = null;
        bool anyPending = false, allPendingAwaitApproval = true, anyFailed = false, anyPosted = false, anyCancelled = false;
        for (var i = 0; i < channels.Count; i++)
        {
            var channel = channels[i];
            switch (channel.Status)
            {
                case AutopostChannelStatus.Pending:
                    anyPending = true;
                    allPendingAwaitApproval &= channel.ApprovalId is not null;
                    var due = channel.NextAttemptAt ?? publishAt;
                    if (dueAt is null || due < dueAt)
                    {
                        dueAt = due;
                    }

                    break;
                case AutopostChannelStatus.Failed:
                    anyFailed = true;
                    break;
                case AutopostChannelStatus.Posted:
                    anyPosted = true;
                    break;
                case AutopostChannelStatus.Cancelled:
                    anyCancelled = true;
                    break;
            }
        }

        if (anyPending)
        {
            return allPendingAwaitApproval ? AutopostStatus.PendingApproval : AutopostStatus.Ready;
        }

        return anyFailed ? AutopostStatus.Failed
            : anyPosted ? AutopostStatus.Posted
            : anyCancelled ? AutopostStatus.Cancelled
            : AutopostStatus.Skipped;
    }

    /// <summary>
    /// Cancels the item's pending and failed channels. Allowed while it is ready, pending approval or failed; not while a
    /// worker is posting it, and not once it is posted, skipped or cancelled. Posted channels stay posted.
    /// </summary>
    public static AutopostCommandResult Cancel(AutopostItem item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Status is not (AutopostStatus.Ready or AutopostStatus.PendingApproval or AutopostStatus.Failed))
        {
            return new AutopostCommandResult(AutopostCommandStatus.NotAllowed, item, $"An item that is {item.Status} cannot be cancelled.");
        }

        var channels = new AutopostChannelResult[item.Channels.Count];
        for (var i = 0; i < channels.Length; i++)
        {
            var channel = item.Channels[i];
            channels[i] = channel.Status is AutopostChannelStatus.Pending or AutopostChannelStatus.Failed
                ? channel with { Status = AutopostChannelStatus.Cancelled, NextAttemptAt = null, ApprovalId = null }
                : channel;
        }

        return new AutopostCommandResult(AutopostCommandStatus.Done, item with
        {
            Status = AutopostStatus.Cancelled,
            Channels = channels,
            UpdatedAt = now,
        });
    }

    /// <summary>
    /// Makes the item due now. Failed channels become pending with their attempt count reset (a fresh set of retries);
    /// pending retries and approval re-checks are brought forward. Allowed while ready, pending approval or failed.
    /// A pending channel whose last attempt has an unknown outcome is still reconciled first; a failed one is not
    /// (the operator asked for a fresh try).
    /// </summary>
    public static AutopostCommandResult RetryNow(AutopostItem item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Status is not (AutopostStatus.Ready or AutopostStatus.PendingApproval or AutopostStatus.Failed))
        {
            return new AutopostCommandResult(AutopostCommandStatus.NotAllowed, item, $"An item that is {item.Status} cannot be retried.");
        }

        var channels = new AutopostChannelResult[item.Channels.Count];
        for (var i = 0; i < channels.Length; i++)
        {
            var channel = item.Channels[i];
            channels[i] = channel.Status switch
            {
                // The operator asks for a fresh try: an unknown outcome they have checked no longer blocks it.
                AutopostChannelStatus.Failed => channel with { Status = AutopostChannelStatus.Pending, Attempts = 0, NextAttemptAt = now, AttemptStartedAt = null },
                AutopostChannelStatus.Pending => channel with { NextAttemptAt = now },
                _ => channel,
            };
        }

        var status = Summarize(channels, item.PublishAt, out _);
        return new AutopostCommandResult(AutopostCommandStatus.Done, item with
        {
            Status = status,
            Channels = channels,
            UpdatedAt = now,
        });
    }
}
