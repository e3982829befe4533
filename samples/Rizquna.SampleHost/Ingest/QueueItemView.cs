using System.Text.Json;
using Rizquna.Scheduling.Autopost;

namespace Rizquna.SampleHost.Ingest;

/// <summary>A queue item as the API shows it (snake_case JSON).</summary>
public sealed record QueueItemView(
    long Id,
    string Title,
    string? Summary,
    Uri? Link,
    Uri? ImageUrl,
    JsonElement? Data,
    string? DedupKey,
    DateTimeOffset PublishAt,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ChannelView> Channels)
{
    /// <summary>Maps the lanes' item.</summary>
    public static QueueItemView From(AutopostItem item) => new(
        item.Id, item.Title, item.Summary, item.Link, item.ImageUrl, item.Data, item.DedupKey, item.PublishAt,
        StatusName(item.Status), item.CreatedAt, item.UpdatedAt,
        item.Channels.Select(ChannelView.From).ToArray());

    /// <summary>The snake_case name of a status (<c>pending_approval</c>).</summary>
    public static string StatusName(AutopostStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());
}

/// <summary>One channel of a queue item.</summary>
public sealed record ChannelView(
    string Channel,
    string Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? PlatformPostId,
    Uri? Url,
    DateTimeOffset? PostedAt,
    string? Error,
    string? ApprovalId,
    long? SkippedBecauseOf)
{
    /// <summary>Maps the lanes' channel result.</summary>
    public static ChannelView From(AutopostChannelResult c) => new(
        c.Channel, JsonNamingPolicy.SnakeCaseLower.ConvertName(c.Status.ToString()), c.Attempts, c.NextAttemptAt,
        c.PlatformPostId, c.Url, c.PostedAt, c.Error, c.ApprovalId, c.SkippedBecauseOf);
}
