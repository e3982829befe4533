namespace Rizquna.Connectors.TikTok;

/// <summary>
/// Applies <c>creator_info/query</c> to a direct post before anything is uploaded: the privacy level must be one the
/// creator offers, a video may not exceed <c>max_video_post_duration_sec</c>, and interactions the creator turned off
/// stay off. (A creator who cannot post now already failed the query itself, with the platform's reason.)
/// </summary>
internal static class CreatorChecks
{
    public static TikTokDraft Apply(TikTokDraft draft, CreatorInfo creator, double? videoDurationSec)
    {
        if (creator.PrivacyLevelOptions is { Count: > 0 } offered && !offered.Contains(draft.PrivacyLevel, StringComparer.Ordinal))
        {
            throw new PlatformException(PlatformId.TikTok, PlatformErrorKind.InvalidContent,
                $"The TikTok creator does not offer privacy level '{draft.PrivacyLevel}' ({TikTokMetadataKeys.PrivacyLevel}); choose one of {string.Join(", ", offered)}.")
            {
                PlatformCode = TikTokErrorCodes.PrivacyLevelOptionMismatch,
            };
        }

        if (draft.Kind != TikTokPostKind.Photos && videoDurationSec is { } duration
            && creator.MaxVideoPostDurationSec is { } max && duration > max)
        {
            throw new PlatformException(PlatformId.TikTok, PlatformErrorKind.InvalidContent,
                $"The video is {duration:0.#} s long; this TikTok creator may post at most {max} s.");
        }

        return draft with
        {
            DisableComment = draft.DisableComment || creator.CommentDisabled,
            DisableDuet = draft.DisableDuet || creator.DuetDisabled,
            DisableStitch = draft.DisableStitch || creator.StitchDisabled,
        };
    }
}
