namespace Rizquna;

/// <summary>
/// One image or video of a post: either at a public URL the platform can download, or a local file the connector uploads.
/// Exactly one of <see cref="Url"/> and <see cref="LocalPath"/> is set; use <see cref="FromUrl"/> or <see cref="FromFile"/>.
/// </summary>
public sealed record MediaItem
{
    private MediaItem(MediaKind kind, Uri? url, string? localPath, string? contentType)
    {
        Kind = kind;
        Url = url;
        LocalPath = localPath;
        ContentType = contentType;
    }

    /// <summary>Image or video.</summary>
    public MediaKind Kind { get; }

    /// <summary>A public absolute http(s) URL, or null for a local file.</summary>
    public Uri? Url { get; }

    /// <summary>A local file path, or null for a URL.</summary>
    public string? LocalPath { get; }

    /// <summary>The MIME type when known (e.g. <c>image/jpeg</c>).</summary>
    public string? ContentType { get; }

    /// <summary>Alternative text for accessibility, where the platform accepts it.</summary>
    public string? AltText { get; init; }

    /// <summary>True when the item is a local file that must be uploaded or hosted.</summary>
    public bool IsLocal => LocalPath is not null;

    /// <summary>Media at a public URL.</summary>
    /// <exception cref="ArgumentException">The URL is not absolute http or https.</exception>
    public static MediaItem FromUrl(MediaKind kind, Uri url, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Media URL '{url}' must be an absolute http or https URL.", nameof(url));
        }

        return new MediaItem(kind, url, null, contentType);
    }

    /// <summary>Media in a local file.</summary>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    public static MediaItem FromFile(MediaKind kind, string path, string? contentType = null)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("Media file path must not be empty.", nameof(path));
        }

        return new MediaItem(kind, null, Path.GetFullPath(path), contentType ?? MediaTypes.FromExtension(path));
    }

    /// <summary>The same media at a public URL (after a media host published the local file).</summary>
    public MediaItem WithPublicUrl(Uri url) => FromUrl(Kind, url, ContentType) with { AltText = AltText };
}
