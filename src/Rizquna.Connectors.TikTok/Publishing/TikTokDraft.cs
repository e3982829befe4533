namespace Rizquna.Connectors.TikTok;

/// <summary>What kind of TikTok post a <see cref="Post"/> becomes.</summary>
internal enum TikTokPostKind
{
    VideoFile,
    VideoUrl,
    Photos,
}

/// <summary>A post validated and read into TikTok's terms, before any call.</summary>
internal sealed record TikTokDraft
{
    public required TikTokPostKind Kind { get; init; }

    public required TikTokPostMode Mode { get; init; }

    public required string PrivacyLevel { get; init; }

    /// <summary>Video caption (≤ 2,200 UTF-16 units) or photo title (≤ 90 runes).</summary>
    public string? Title { get; init; }

    /// <summary>Photo description (≤ 4,000 runes).</summary>
    public string? Description { get; init; }

    public MediaItem? Video { get; init; }

    public string? VideoContentType { get; init; }

    public int? VideoDurationSec { get; init; }

    public IReadOnlyList<MediaItem> Images { get; init; } = [];

    public int PhotoCoverIndex { get; init; }

    public bool DisableComment { get; init; }

    public bool DisableDuet { get; init; }

    public bool DisableStitch { get; init; }

    public int? VideoCoverTimestampMs { get; init; }

    public bool BrandContentToggle { get; init; }

    public bool BrandOrganicToggle { get; init; }

    public bool IsAigc { get; init; }

    public bool AutoAddMusic { get; init; }

    public string Source => Kind switch
    {
        TikTokPostKind.VideoFile => VideoSourceInfo.FileUpload,
        TikTokPostKind.VideoUrl => VideoSourceInfo.PullFromUrl,
        _ => CheckpointNames.PhotoSource,
    };
}
