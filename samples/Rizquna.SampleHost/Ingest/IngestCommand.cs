using System.Text.Json;

namespace Rizquna.SampleHost.Ingest;

/// <summary>A validated ingest body (<c>POST /api/autopost/ingest</c> or a generator webhook).</summary>
public sealed record IngestCommand
{
    /// <summary>Headline.</summary>
    public required string Title { get; init; }

    /// <summary>Body text.</summary>
    public required string Summary { get; init; }

    /// <summary>Absolute http(s) link.</summary>
    public required Uri Link { get; init; }

    /// <summary>Optional absolute http(s) image URL.</summary>
    public Uri? ImageUrl { get; init; }

    /// <summary>Free JSON object for templates and dedup keys.</summary>
    public JsonElement? Data { get; init; }

    /// <summary>Channels (<c>platform/account</c>); empty means every configured channel.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>When to publish (UTC); null means now.</summary>
    public DateTimeOffset? PublishAt { get; init; }
}
