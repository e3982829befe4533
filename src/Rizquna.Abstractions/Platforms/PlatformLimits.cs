namespace Rizquna;

/// <summary>
/// What a platform accepts, as data: the kernel and the content utilities enforce these before a call is made.
/// Values the platform contracts mark UNVERIFIED are defaults meant to be overridden from configuration.
/// </summary>
public sealed record PlatformLimits
{
    /// <summary>Longest text of a post without media.</summary>
    public required int MaxTextLength { get; init; }

    /// <summary>Longest text when the post carries media (a caption). Equal to <see cref="MaxTextLength"/> where the platform does not distinguish.</summary>
    public required int MaxTextLengthWithMedia { get; init; }

    /// <summary>How lengths are counted.</summary>
    public TextCountingRule Counting { get; init; } = TextCountingRule.Utf16CodeUnits;

    /// <summary>Most hashtags allowed; null when unlimited.</summary>
    public int? MaxHashtags { get; init; }

    /// <summary>Most @mentions allowed; null when unlimited.</summary>
    public int? MaxMentions { get; init; }

    /// <summary>Most media items in one post (album, carousel); 0 when the platform takes no media.</summary>
    public int MaxMediaItems { get; init; } = 1;

    /// <summary>Whether a post must carry at least one media item (Instagram, TikTok).</summary>
    public bool RequiresMedia { get; init; }

    /// <summary>Whether media must be reachable at a public URL (the platform downloads it) rather than uploaded.</summary>
    public bool RequiresPublicMediaUrl { get; init; }

    /// <summary>The limit that applies to a post with or without media.</summary>
    public int TextLimitFor(bool hasMedia) => hasMedia ? MaxTextLengthWithMedia : MaxTextLength;
}
