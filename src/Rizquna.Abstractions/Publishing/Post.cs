namespace Rizquna;

/// <summary>
/// What to publish, independent of the platform. Connectors read platform-specific settings from
/// <see cref="Metadata"/> (documented per connector, e.g. <c>tiktok.privacy_level</c>).
/// </summary>
public sealed record Post
{
    /// <summary>The text or caption, already rendered.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>A link to share, when the platform has a link field (Facebook <c>link</c>); otherwise it belongs in the text.</summary>
    public Uri? Link { get; init; }

    /// <summary>Images and videos, in order.</summary>
    public IReadOnlyList<MediaItem> Media { get; init; } = [];

    /// <summary>Feed, story or reel.</summary>
    public PostPlacement Placement { get; init; } = PostPlacement.Feed;

    /// <summary>When set, ask the platform to publish at this time (Facebook scheduled posts) instead of now.</summary>
    public DateTimeOffset? ScheduledPublishTime { get; init; }

    /// <summary>Platform-specific settings and caller data; keys are lower-case, dot-separated.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMetadata;

    /// <summary>True when the post carries any media.</summary>
    public bool HasMedia => Media.Count > 0;

    internal static readonly IReadOnlyDictionary<string, string> EmptyMetadata =
        new Dictionary<string, string>(0, StringComparer.Ordinal);
}
