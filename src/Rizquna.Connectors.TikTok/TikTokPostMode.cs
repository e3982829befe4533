namespace Rizquna.Connectors.TikTok;

/// <summary>How a post reaches TikTok.</summary>
public enum TikTokPostMode
{
    /// <summary>Published directly to the profile (<c>video.publish</c> scope).</summary>
    DirectPost,
    /// <summary>Sent to the creator's inbox as a draft to finish in the app (<c>video.upload</c> scope).</summary>
    Inbox,
}
