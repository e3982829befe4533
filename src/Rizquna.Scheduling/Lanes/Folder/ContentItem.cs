namespace Rizquna.Scheduling.Lanes.Folder;

/// <summary>One publishable item read from an account's content folder (see the folder format in the Lanes README).</summary>
public sealed record ContentItem
{
    /// <summary>The item's id: its file or folder name, unique within the account folder and stable across days.</summary>
    public required string Id { get; init; }

    /// <summary>The file or folder the item came from.</summary>
    public required string SourcePath { get; init; }

    /// <summary>Caption text (a Handlebars template over <see cref="Data"/>) from <c>caption.txt</c> or the manifest's <c>text</c>.</summary>
    public string? Text { get; init; }

    /// <summary>The link to share (UTM-tagged when published).</summary>
    public string? Link { get; init; }

    /// <summary>A named caption template (<c>Rizquna:Content:Templates</c>) to render instead of <see cref="Text"/>.</summary>
    public string? Template { get; init; }

    /// <summary>The A/B variant: <c>A</c>, <c>B</c>… or a zero-based number; null rotates by account and day.</summary>
    public string? Variant { get; init; }

    /// <summary>Template values.</summary>
    public IReadOnlyDictionary<string, object?> Data { get; init; } = new Dictionary<string, object?>(0);

    /// <summary>Hashtags, without or with the leading <c>#</c>.</summary>
    public IReadOnlyList<string> Hashtags { get; init; } = [];

    /// <summary>The manifest's date (publish order and "not before"), when given.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Feed, story or reel.</summary>
    public PostPlacement Placement { get; init; } = PostPlacement.Feed;

    /// <summary>The media files, in order.</summary>
    public IReadOnlyList<MediaItem> Media { get; init; } = [];
}
