namespace Rizquna.Connectors.Meta.Graph.Models;

/// <summary><c>POST /{ig-user-id}/media</c> body.</summary>
internal sealed class ContainerRequest
{
    public string? ImageUrl { get; set; }
    public string? VideoUrl { get; set; }
    public string? MediaType { get; set; }
    public string? Caption { get; set; }
    public bool? IsCarouselItem { get; set; }
    public string? Children { get; set; }
    public string? AltText { get; set; }
    public bool? ShareToFeed { get; set; }
    public string? CoverUrl { get; set; }
}

/// <summary><c>POST /{ig-user-id}/media_publish</c> body.</summary>
internal sealed class MediaPublishRequest
{
    public string? CreationId { get; set; }
}

/// <summary><c>GET /{container-id}?fields=status_code,status</c>.</summary>
internal sealed class ContainerStatus
{
    public string? Id { get; set; }
    public string? StatusCode { get; set; }
    public string? Status { get; set; }
}

internal sealed class PublishingLimitResponse
{
    public List<PublishingLimit>? Data { get; set; }
}

internal sealed class PublishingLimit
{
    public int? QuotaUsage { get; set; }
    public PublishingLimitConfig? Config { get; set; }
}

internal sealed class PublishingLimitConfig
{
    public int? QuotaTotal { get; set; }
    public long? QuotaDuration { get; set; }
}

internal sealed class InstagramMedia
{
    public string? Id { get; set; }
    public string? Caption { get; set; }
    public string? Timestamp { get; set; }
    public string? Permalink { get; set; }
}
