namespace Rizquna;

/// <summary>Where on the platform a post goes, for platforms with more than one surface.</summary>
public enum PostPlacement
{
    /// <summary>The main feed (Facebook Page feed, Instagram feed, a Telegram channel…).</summary>
    Feed,
    /// <summary>A 24-hour story (Instagram).</summary>
    Story,
    /// <summary>A short-form video surface (Instagram Reels).</summary>
    Reel,
}
