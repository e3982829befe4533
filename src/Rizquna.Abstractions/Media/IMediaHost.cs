namespace Rizquna;

/// <summary>
/// Makes a local media file reachable at a public URL, for platforms that download media themselves
/// (Instagram, TikTok photos). Without one, such items fail before any platform call.
/// </summary>
public interface IMediaHost
{
    /// <summary>Publishes the local file and returns its public URL.</summary>
    ValueTask<Uri> HostAsync(MediaItem localMedia, CancellationToken cancellationToken = default);
}
