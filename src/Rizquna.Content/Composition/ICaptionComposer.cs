namespace Rizquna.Content;

/// <summary>Template + data → caption: the link is UTM-tagged, optionally shortened, inserted, and the text fitted to the platform's limits.</summary>
public interface ICaptionComposer
{
    /// <summary>Composes one caption.</summary>
    /// <exception cref="ArgumentException">Unknown template, or a link that is not an absolute http(s) URL.</exception>
    /// <exception cref="PlatformException">The shortener failed and <see cref="ContentOptions.ThrowOnShortenerError"/> is set.</exception>
    Task<ComposedCaption> ComposeAsync(CaptionRequest request, CancellationToken cancellationToken = default);
}
