namespace Rizquna.Scheduling.Lanes.Folder;

/// <summary>A parsed <c>manifest.json</c> / <c>manifest.yaml</c> (every field optional).</summary>
internal sealed record ContentManifest
{
    public string? Text { get; init; }

    public string? Link { get; init; }

    public string? Template { get; init; }

    public string? Variant { get; init; }

    public IReadOnlyDictionary<string, object?> Data { get; init; } = new Dictionary<string, object?>(0);

    public IReadOnlyList<string> Hashtags { get; init; } = [];

    public DateOnly? Date { get; init; }

    public IReadOnlyList<string>? Media { get; init; }

    public PostPlacement? Placement { get; init; }
}
