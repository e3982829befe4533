namespace Rizquna;

/// <summary>Where a post stands on the platform after a successful call.</summary>
public enum PublishState
{
    /// <summary>Live on the platform.</summary>
    Published,
    /// <summary>Accepted and scheduled for a later time.</summary>
    Scheduled,
    /// <summary>Sent to the user's inbox or drafts for a final manual step (TikTok inbox mode).</summary>
    SentToInbox,
    /// <summary>Accepted and still processing (moderation); the id may only be a publish id.</summary>
    Processing,
}
