namespace Rizquna.SampleHost.Events;

/// <summary>The event types sent to n8n.</summary>
public static class EventTypes
{
    /// <summary>A queue item was published to one channel.</summary>
    public const string PostPublished = "post.published";

    /// <summary>A queue item failed on one channel for good.</summary>
    public const string PostFailed = "post.failed";

    /// <summary>An action waits for an operator's approval.</summary>
    public const string ApprovalRequested = "approval.requested";

    /// <summary>The nightly report is ready.</summary>
    public const string ReportDaily = "report.daily";
}
