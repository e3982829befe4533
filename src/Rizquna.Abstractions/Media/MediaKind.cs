namespace Rizquna;

/// <summary>What a media item is.</summary>
public enum MediaKind
{
    /// <summary>A still image (JPEG, PNG, WebP).</summary>
    Image,
    /// <summary>A video (MP4, MOV, WebM).</summary>
    Video,
}
