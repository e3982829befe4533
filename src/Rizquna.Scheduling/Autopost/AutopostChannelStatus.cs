namespace Rizquna.Scheduling.Autopost;

/// <summary>Where one channel of a queue item stands.</summary>
public enum AutopostChannelStatus
{
    /// <summary>Not dispatched yet, or waiting for a retry or an approval.</summary>
    Pending,
    /// <summary>Posted: the result carries the post id and URL.</summary>
    Posted,
    /// <summary>Failed for good (permanent error or retries exhausted).</summary>
    Failed,
    /// <summary>Skipped because the same dedup key was posted to this channel within the window.</summary>
    Skipped,
    /// <summary>Cancelled with its item.</summary>
    Cancelled,
}
