namespace Rizquna.Content;

/// <summary>A caption ready to publish, with how it was made.</summary>
public sealed record ComposedCaption
{
    /// <summary>The caption text, within the platform's limit.</summary>
    public required string Text { get; init; }

    /// <summary>The link as inserted (tagged and possibly shortened), or null when there was none.</summary>
    public string? Link { get; init; }

    /// <summary>The link after UTM tagging, before shortening, or null.</summary>
    public string? TaggedLink { get; init; }

    /// <summary>The template render (template, platform, variant).</summary>
    public required RenderedCaption Rendered { get; init; }

    /// <summary>What limit enforcement did (count, truncation, dropped hashtags).</summary>
    public required FittedText Fit { get; init; }

    /// <summary>The shortener's failure when the tagged link was used instead (see <see cref="ContentOptions.ThrowOnShortenerError"/>).</summary>
    public PlatformException? ShortenerError { get; init; }
}
