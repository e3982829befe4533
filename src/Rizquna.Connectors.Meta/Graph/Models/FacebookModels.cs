namespace Rizquna.Connectors.Meta.Graph.Models;

/// <summary><c>POST /{page-id}/feed</c> body.</summary>
internal sealed class FeedRequest
{
    public string? Message { get; set; }
    public string? Link { get; set; }
    public bool? Published { get; set; }
    public long? ScheduledPublishTime { get; set; }
    public List<AttachedMedia>? AttachedMedia { get; set; }
}

internal sealed class AttachedMedia
{
    public string? MediaFbid { get; set; }
}

/// <summary><c>POST /{page-id}/photos</c> body (by URL; a local file goes as multipart <c>source</c>).</summary>
internal sealed class PhotoRequest
{
    public string? Url { get; set; }
    public string? Caption { get; set; }
    public bool? Published { get; set; }
    public bool? Temporary { get; set; }
    public long? ScheduledPublishTime { get; set; }
    public string? AltTextCustom { get; set; }
}

internal sealed class PermalinkResponse
{
    public string? Id { get; set; }
    public string? PermalinkUrl { get; set; }
    public string? Permalink { get; set; }
}

internal sealed class FacebookPost
{
    public string? Id { get; set; }
    public string? Message { get; set; }
    public string? CreatedTime { get; set; }
    public string? PermalinkUrl { get; set; }
}
