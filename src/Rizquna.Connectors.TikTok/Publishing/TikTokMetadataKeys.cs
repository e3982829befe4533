namespace Rizquna.Connectors.TikTok;

/// <summary>
/// Keys of <see cref="Post.Metadata"/> the TikTok publisher reads. Booleans are <c>true</c>/<c>false</c>, numbers invariant.
/// </summary>
public static class TikTokMetadataKeys
{
    /// <summary><c>direct</c> (publish to the profile) or <c>inbox</c> (a draft the creator finishes in the app).</summary>
    public const string PostMode = "tiktok.post_mode";
    /// <summary>One of <see cref="TikTokPrivacyLevels"/>; must be among the creator's options.</summary>
    public const string PrivacyLevel = "tiktok.privacy_level";
    /// <summary>Photo posts: the title (≤ 90 characters); <see cref="Post.Text"/> is the description (≤ 4,000).</summary>
    public const string Title = "tiktok.title";
    /// <summary>Turn comments off.</summary>
    public const string DisableComment = "tiktok.disable_comment";
    /// <summary>Videos: turn duets off.</summary>
    public const string DisableDuet = "tiktok.disable_duet";
    /// <summary>Videos: turn stitches off.</summary>
    public const string DisableStitch = "tiktok.disable_stitch";
    /// <summary>Videos: the frame used as cover, in milliseconds.</summary>
    public const string VideoCoverTimestampMs = "tiktok.video_cover_timestamp_ms";
    /// <summary>Videos: the length in seconds, checked against the creator's maximum before upload (read from MP4/MOV files when absent).</summary>
    public const string VideoDurationSec = "tiktok.video_duration_sec";
    /// <summary>Paid partnership promoting a third-party brand.</summary>
    public const string BrandContentToggle = "tiktok.brand_content_toggle";
    /// <summary>Promoting the creator's own business.</summary>
    public const string BrandOrganicToggle = "tiktok.brand_organic_toggle";
    /// <summary>Videos: AI-generated content label.</summary>
    public const string IsAigc = "tiktok.is_aigc";
    /// <summary>Photos: let TikTok add music.</summary>
    public const string AutoAddMusic = "tiktok.auto_add_music";
    /// <summary>Photos: index of the cover image (0-based).</summary>
    public const string PhotoCoverIndex = "tiktok.photo_cover_index";
}
