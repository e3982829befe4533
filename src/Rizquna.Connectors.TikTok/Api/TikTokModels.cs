using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rizquna.Connectors.TikTok;

// Wire shapes of the Content Posting API (platform-contracts §2), trimmed to the fields the connector sends or reads.

internal sealed class CreatorInfo
{
    public string? CreatorUsername { get; set; }

    public List<string>? PrivacyLevelOptions { get; set; }

    public bool CommentDisabled { get; set; }

    public bool DuetDisabled { get; set; }

    public bool StitchDisabled { get; set; }

    public int? MaxVideoPostDurationSec { get; set; }
}

internal sealed class VideoInitRequest
{
    public VideoPostInfo? PostInfo { get; set; }

    public required VideoSourceInfo SourceInfo { get; set; }
}

internal sealed class VideoPostInfo
{
    public string? Title { get; set; }

    public required string PrivacyLevel { get; set; }

    public bool DisableDuet { get; set; }

    public bool DisableStitch { get; set; }

    public bool DisableComment { get; set; }

    public int? VideoCoverTimestampMs { get; set; }

    public bool BrandContentToggle { get; set; }

    public bool BrandOrganicToggle { get; set; }

    public bool IsAigc { get; set; }
}

internal sealed class VideoSourceInfo
{
    public const string FileUpload = "FILE_UPLOAD";
    public const string PullFromUrl = "PULL_FROM_URL";

    public required string Source { get; set; }

    public long? VideoSize { get; set; }

    public long? ChunkSize { get; set; }

    public int? TotalChunkCount { get; set; }

    public string? VideoUrl { get; set; }
}

internal sealed class PhotoInitRequest
{
    public required PhotoPostInfo PostInfo { get; set; }

    public required PhotoSourceInfo SourceInfo { get; set; }

    public required string PostMode { get; set; }

    public string MediaType { get; set; } = "PHOTO";
}

internal sealed class PhotoPostInfo
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? PrivacyLevel { get; set; }

    public bool DisableComment { get; set; }

    public bool AutoAddMusic { get; set; }

    public bool BrandContentToggle { get; set; }

    public bool BrandOrganicToggle { get; set; }
}

internal sealed class PhotoSourceInfo
{
    public string Source { get; set; } = VideoSourceInfo.PullFromUrl;

    public int PhotoCoverIndex { get; set; }

    public required List<string> PhotoImages { get; set; }
}

internal sealed class PublishInitData
{
    public string? PublishId { get; set; }

    public string? UploadUrl { get; set; }
}

internal sealed class StatusFetchRequest
{
    public required string PublishId { get; set; }
}

internal sealed class PublishStatusData
{
    public const string ProcessingUpload = "PROCESSING_UPLOAD";
    public const string ProcessingDownload = "PROCESSING_DOWNLOAD";
    public const string SendToUserInbox = "SEND_TO_USER_INBOX";
    public const string PublishComplete = "PUBLISH_COMPLETE";
    public const string Failed = "FAILED";

    public string? Status { get; set; }

    public string? FailReason { get; set; }

    /// <summary>The platform's spelling. Numbers too large for some parsers, so kept raw.</summary>
    [JsonPropertyName("publicaly_available_post_id")]
    public List<JsonElement>? PublicalyAvailablePostId { get; set; }

    public long? UploadedBytes { get; set; }

    public long? DownloadedBytes { get; set; }
}

/// <summary>A token response, or a flat OAuth error (<c>error</c>, <c>error_description</c>).</summary>
internal sealed class OAuthTokenResponse
{
    public string? AccessToken { get; set; }

    public long? ExpiresIn { get; set; }

    public string? OpenId { get; set; }

    public long? RefreshExpiresIn { get; set; }

    public string? RefreshToken { get; set; }

    public string? Scope { get; set; }

    public string? TokenType { get; set; }

    /// <summary>A flat OAuth error code; may also arrive as an object on some deployments, so kept raw.</summary>
    public JsonElement Error { get; set; }

    public string? ErrorDescription { get; set; }

    public string? LogId { get; set; }
}
