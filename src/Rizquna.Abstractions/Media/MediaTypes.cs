namespace Rizquna;

/// <summary>MIME types of the media files Rizquna handles, by extension.</summary>
public static class MediaTypes
{
    /// <summary>The MIME type for a file name's extension, or null when unknown.</summary>
    public static string? FromExtension(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".jpg" or ".jpeg" => "image/jpeg",
            ".png" => "image/png",
            ".webp" => "image/webp",
            ".gif" => "image/gif",
            ".mp4" => "video/mp4",
            ".mov" => "video/quicktime",
            ".webm" => "video/webm",
            _ => null,
        };

    /// <summary>The media kind for a file name's extension, or null when it is not an image or video.</summary>
    public static MediaKind? KindFromExtension(string fileName) => FromExtension(fileName) switch
    {
        null => null,
        var type when type.StartsWith("video/", StringComparison.Ordinal) => MediaKind.Video,
        _ => MediaKind.Image,
    };
}
