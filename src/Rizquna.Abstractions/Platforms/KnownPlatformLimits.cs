namespace Rizquna;

/// <summary>
/// Default limits per platform, taken from the platform contracts. Connectors expose their own
/// (possibly configured) copy through <see cref="IPublisher.Limits"/>; these are the starting values.
/// </summary>
public static class KnownPlatformLimits
{
    /// <summary>Facebook Page posts: 63,206 characters (UNVERIFIED, commonly cited), up to 10 photos (attached_media).</summary>
    public static PlatformLimits Facebook { get; } = new()
    {
        MaxTextLength = 63_206,
        MaxTextLengthWithMedia = 63_206,
        MaxMediaItems = 10,
    };

    /// <summary>Instagram: caption 2,200, 30 hashtags (UNVERIFIED: some sources say 5), 20 mentions, carousel of 10, media by public URL.</summary>
    public static PlatformLimits Instagram { get; } = new()
    {
        MaxTextLength = 2_200,
        MaxTextLengthWithMedia = 2_200,
        MaxHashtags = 30,
        MaxMentions = 20,
        MaxMediaItems = 10,
        RequiresMedia = true,
        RequiresPublicMediaUrl = true,
    };

    /// <summary>TikTok video posts: title of 2,200 UTF-16 units; photo posts use a 90-rune title and a 4,000-rune description.</summary>
    public static PlatformLimits TikTok { get; } = new()
    {
        MaxTextLength = 2_200,
        MaxTextLengthWithMedia = 2_200,
        MaxMediaItems = 35,
        RequiresMedia = true,
    };

    /// <summary>Telegram: text 4,096, caption 1,024 (UTF-16, after entity parsing), albums of 10.</summary>
    public static PlatformLimits Telegram { get; } = new()
    {
        MaxTextLength = 4_096,
        MaxTextLengthWithMedia = 1_024,
        MaxMediaItems = 10,
    };

    /// <summary>WhatsApp through WAHA: a long text (65,536, UNVERIFIED), caption the same, one media item per message.</summary>
    public static PlatformLimits WhatsApp { get; } = new()
    {
        MaxTextLength = 65_536,
        MaxTextLengthWithMedia = 65_536,
        MaxMediaItems = 1,
    };

    /// <summary>X: 280 weighted characters, URLs count 23, 4 images or 1 video.</summary>
    public static PlatformLimits X { get; } = new()
    {
        MaxTextLength = 280,
        MaxTextLengthWithMedia = 280,
        Counting = TextCountingRule.XWeighted,
        MaxMediaItems = 4,
    };

    /// <summary>The defaults for a platform, or null when none are known.</summary>
    public static PlatformLimits? For(PlatformId platform) => platform.Value switch
    {
        "facebook" => Facebook,
        "instagram" => Instagram,
        "tiktok" => TikTok,
        "telegram" => Telegram,
        "whatsapp" => WhatsApp,
        "x" => X,
        _ => null,
    };
}
