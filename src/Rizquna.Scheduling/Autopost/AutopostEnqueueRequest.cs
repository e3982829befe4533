using System.Text.Json;

namespace Rizquna.Scheduling.Autopost;

/// <summary>
/// What a caller (code, the HTTP ingest endpoint, a webhook) asks to queue. Raw values are validated as a whole by
/// <see cref="IAutopostQueue.EnqueueAsync(AutopostEnqueueRequest, CancellationToken)"/>; a bad request is rejected with every problem named by field.
/// </summary>
public sealed record AutopostEnqueueRequest
{
    /// <summary>Required: the title (at most 500 characters).</summary>
    public string? Title { get; init; }

    /// <summary>Optional summary (at most 5,000 characters).</summary>
    public string? Summary { get; init; }

    /// <summary>Optional absolute http(s) link.</summary>
    public string? Link { get; init; }

    /// <summary>Optional absolute http(s) image URL.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>Optional free data; must be a JSON object when given.</summary>
    public JsonElement? Data { get; init; }

    /// <summary>Channels as <c>platform/account</c>; empty or null uses the configured default channels.</summary>
    public IReadOnlyList<string>? Channels { get; init; }

    /// <summary>When to post; null posts as soon as a worker runs.</summary>
    public DateTimeOffset? PublishAt { get; init; }

    /// <summary>Optional explicit dedup key; by default <c>data.game</c> + <c>data.window</c> when either is present.</summary>
    public string? DedupKey { get; init; }

    /// <summary>Optional caption template name.</summary>
    public string? Template { get; init; }

    /// <summary>Optional caption variant.</summary>
    public string? Variant { get; init; }
}
