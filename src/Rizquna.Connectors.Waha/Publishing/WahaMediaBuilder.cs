using Rizquna.Connectors.Waha.Api;

namespace Rizquna.Connectors.Waha.Publishing;

/// <summary>
/// Turns a <see cref="MediaItem"/> into WAHA's <c>file</c>: a RemoteFile <c>{mimetype, filename, url}</c> for a URL, a
/// BinaryFile <c>{mimetype, filename, data}</c> (base64) for a local file; and picks the endpoint.
/// </summary>
internal static class WahaMediaBuilder
{
    public static string Endpoint(MediaItem media, string? sendAs) => sendAs?.Trim().ToLowerInvariant() switch
    {
        null or "" => media.Kind == MediaKind.Video ? "api/sendVideo" : "api/sendImage",
        "image" => "api/sendImage",
        "video" => "api/sendVideo",
        "file" or "document" => "api/sendFile",
        var other => throw new PlatformException(PlatformId.WhatsApp, PlatformErrorKind.InvalidContent,
            $"WAHA: metadata '{WahaMetadata.SendAs}' must be image, video or file, not '{other}'."),
    };

    public static async Task<WahaFileBody> BuildAsync(MediaItem media, string? fileName, long maxInlineBytes, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(fileName) ? DefaultFileName(media) : fileName;
        var mimetype = media.ContentType ?? (name is null ? null : MediaTypes.FromExtension(name))
                       ?? (media.Kind == MediaKind.Video ? "video/mp4" : "image/jpeg");

        if (media.Url is { } url)
        {
            return new WahaFileBody { Mimetype = mimetype, Filename = name, Url = url.AbsoluteUri };
        }

        var path = media.LocalPath!;
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new PlatformException(PlatformId.WhatsApp, PlatformErrorKind.InvalidContent, $"WAHA: media file '{path}' does not exist.");
        }

        if (info.Length > maxInlineBytes)
        {
            throw new PlatformException(PlatformId.WhatsApp, PlatformErrorKind.InvalidContent,
                $"WAHA: media file '{info.Name}' is {info.Length} bytes, over Rizquna:Waha:MaxInlineMediaBytes ({maxInlineBytes}); host it at a URL instead.");
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return new WahaFileBody { Mimetype = mimetype, Filename = name, Data = Convert.ToBase64String(bytes) };
    }

    private static string? DefaultFileName(MediaItem media)
    {
        if (media.LocalPath is { } path)
        {
            return Path.GetFileName(path);
        }

        var last = media.Url!.Segments.Length > 0 ? Uri.UnescapeDataString(media.Url.Segments[^1]).Trim('/') : string.Empty;
        return last.Length == 0 ? null : last;
    }
}
