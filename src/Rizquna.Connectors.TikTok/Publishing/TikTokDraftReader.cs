using System.Globalization;

namespace Rizquna.Connectors.TikTok;

/// <summary>
/// Reads a <see cref="Post"/> into a <see cref="TikTokDraft"/> and rejects, before any call, what TikTok would refuse:
/// one video (file or URL) or 1–35 images by URL; a video caption ≤ 2,200 UTF-16 units; a photo title ≤ 90 and a
/// description ≤ 4,000 characters (runes); known privacy levels and post modes.
/// </summary>
internal static class TikTokDraftReader
{
    public const int MaxVideoTitleLength = 2_200;
    public const int MaxPhotoTitleRunes = 90;
    public const int MaxPhotoDescriptionRunes = 4_000;
    public const int MaxPhotoImages = 35;

    private static readonly string[] VideoTypes = ["video/mp4", "video/quicktime", "video/webm"];

    public static TikTokDraft Read(Post post, TikTokOptions options)
    {
        ArgumentNullException.ThrowIfNull(post);
        var metadata = post.Metadata;
        var mode = ReadMode(metadata, options.DefaultPostMode);
        var privacy = metadata.TryGetValue(TikTokMetadataKeys.PrivacyLevel, out var p) && !string.IsNullOrWhiteSpace(p)
            ? p.Trim()
            : options.DefaultPrivacyLevel;
        if (!TikTokPrivacyLevels.IsKnown(privacy))
        {
            throw Invalid($"{TikTokMetadataKeys.PrivacyLevel} '{privacy}' is not one of {string.Join(", ", TikTokPrivacyLevels.All)}.");
        }

        if (post.Media.Count == 0)
        {
            throw Invalid("A TikTok post needs one video or 1 to 35 images.");
        }

        var draft = new TikTokDraft
        {
            Kind = TikTokPostKind.Photos,
            Mode = mode,
            PrivacyLevel = privacy,
            DisableComment = Bool(metadata, TikTokMetadataKeys.DisableComment),
            DisableDuet = Bool(metadata, TikTokMetadataKeys.DisableDuet),
            DisableStitch = Bool(metadata, TikTokMetadataKeys.DisableStitch),
            BrandContentToggle = Bool(metadata, TikTokMetadataKeys.BrandContentToggle),
            BrandOrganicToggle = Bool(metadata, TikTokMetadataKeys.BrandOrganicToggle),
            IsAigc = Bool(metadata, TikTokMetadataKeys.IsAigc),
            AutoAddMusic = Bool(metadata, TikTokMetadataKeys.AutoAddMusic),
            VideoCoverTimestampMs = Int(metadata, TikTokMetadataKeys.VideoCoverTimestampMs),
        };

        return post.Media.Any(static m => m.Kind == MediaKind.Video) ? ReadVideo(post, draft) : ReadPhotos(post, draft);
    }

    private static TikTokDraft ReadVideo(Post post, TikTokDraft draft)
    {
        if (post.Media.Count != 1)
        {
            throw Invalid($"A TikTok video post carries exactly one video and nothing else; this post has {post.Media.Count} media items.");
        }

        if (post.Text.Length > MaxVideoTitleLength)
        {
            throw Invalid($"The TikTok video caption (Post.Text) is {post.Text.Length} characters; the limit is {MaxVideoTitleLength}.");
        }

        var video = post.Media[0];
        var contentType = video.ContentType ?? MediaTypes.FromExtension(video.LocalPath ?? video.Url!.AbsolutePath) ?? "video/mp4";
        if (Array.IndexOf(VideoTypes, contentType) < 0)
        {
            throw Invalid($"TikTok takes MP4, MOV or WebM video; '{contentType}' is not one of them.");
        }

        return draft with
        {
            Kind = video.IsLocal ? TikTokPostKind.VideoFile : TikTokPostKind.VideoUrl,
            Title = post.Text,
            Video = video,
            VideoContentType = contentType,
            VideoDurationSec = Int(post.Metadata, TikTokMetadataKeys.VideoDurationSec),
        };
    }

    private static TikTokDraft ReadPhotos(Post post, TikTokDraft draft)
    {
        if (post.Media.Count > MaxPhotoImages)
        {
            throw Invalid($"A TikTok photo post takes at most {MaxPhotoImages} images; this post has {post.Media.Count}.");
        }

        var title = post.Metadata.TryGetValue(TikTokMetadataKeys.Title, out var t) ? t : null;
        if (title is not null && CountRunes(title) > MaxPhotoTitleRunes)
        {
            throw Invalid($"The TikTok photo title ({TikTokMetadataKeys.Title}) is {CountRunes(title)} characters; the limit is {MaxPhotoTitleRunes}.");
        }

        if (CountRunes(post.Text) > MaxPhotoDescriptionRunes)
        {
            throw Invalid($"The TikTok photo description (Post.Text) is {CountRunes(post.Text)} characters; the limit is {MaxPhotoDescriptionRunes}.");
        }

        var cover = Int(post.Metadata, TikTokMetadataKeys.PhotoCoverIndex) ?? 0;
        if (cover < 0 || cover >= post.Media.Count)
        {
            throw Invalid($"{TikTokMetadataKeys.PhotoCoverIndex} {cover} is outside the {post.Media.Count} images.");
        }

        return draft with
        {
            Kind = TikTokPostKind.Photos,
            Title = title,
            Description = post.Text,
            Images = post.Media,
            PhotoCoverIndex = cover,
        };
    }

    private static TikTokPostMode ReadMode(IReadOnlyDictionary<string, string> metadata, TikTokPostMode fallback)
    {
        if (!metadata.TryGetValue(TikTokMetadataKeys.PostMode, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return value.Trim().ToLowerInvariant() switch
        {
            "direct" or "direct_post" or "directpost" => TikTokPostMode.DirectPost,
            "inbox" or "draft" or "media_upload" => TikTokPostMode.Inbox,
            _ => throw Invalid($"{TikTokMetadataKeys.PostMode} '{value}' must be 'direct' or 'inbox'."),
        };
    }

    private static bool Bool(IReadOnlyDictionary<string, string> metadata, string key)
    {
        if (!metadata.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        return bool.TryParse(value.Trim(), out var flag) ? flag : throw Invalid($"{key} '{value}' must be true or false.");
    }

    private static int? Int(IReadOnlyDictionary<string, string> metadata, string key)
    {
        if (!metadata.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw Invalid($"{key} '{value}' must be a whole number, 0 or more.");
    }

    internal static int CountRunes(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    internal static PlatformException Invalid(string message) =>
        new(PlatformId.TikTok, PlatformErrorKind.InvalidContent, message);
}
