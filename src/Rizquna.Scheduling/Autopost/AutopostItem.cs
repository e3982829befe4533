using System.Text.Json;

namespace Rizquna.Scheduling.Autopost;

/// <summary>One piece of content in the autopost queue, with the state of each of its channels.</summary>
public sealed record AutopostItem
{
    /// <summary>The queue's id of the item (increasing in enqueue order).</summary>
    public required long Id { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>A short summary, when given.</summary>
    public string? Summary { get; init; }

    /// <summary>The link to share; UTM parameters are added per channel when it is posted.</summary>
    public Uri? Link { get; init; }

    /// <summary>A public image URL, when the item has an image.</summary>
    public Uri? ImageUrl { get; init; }

    /// <summary>Free JSON data (a JSON object) for the caption template and the dedup key, e.g. <c>{"game":"x","window":"20:00"}</c>.</summary>
    public JsonElement? Data { get; init; }

    /// <summary>The caption template name to render with; null uses the configured default for each platform.</summary>
    public string? Template { get; init; }

    /// <summary>The caption variant (A/B) to render; null lets the templater choose.</summary>
    public string? Variant { get; init; }

    /// <summary>The dedup key; null when the item has none (no explicit key and no <c>data.game</c>/<c>data.window</c>).</summary>
    public string? DedupKey { get; init; }

    /// <summary>When the item may be posted.</summary>
    public required DateTimeOffset PublishAt { get; init; }

    /// <summary>The item's overall status.</summary>
    public required AutopostStatus Status { get; init; }

    /// <summary>When the item was enqueued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the item last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>One entry per channel, in the order they were given.</summary>
    public required IReadOnlyList<AutopostChannelResult> Channels { get; init; }
}
