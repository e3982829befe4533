namespace Rizquna.Content;

/// <summary>The default <see cref="ICaptionComposer"/>: link → UTM → shortener → template → limits.</summary>
public sealed class CaptionComposer : ICaptionComposer
{
    /// <summary>The data field that holds the link, and that the final link is written back to for <c>{{link}}</c>.</summary>
    public const string LinkField = "link";

    private readonly ICaptionTemplater _templater;
    private readonly IUrlShortener _shortener;
    private readonly ContentOptions _options;

    /// <summary>Creates the composer; <paramref name="shortener"/> defaults to none, <paramref name="options"/> to the defaults.</summary>
    public CaptionComposer(ICaptionTemplater templater, IUrlShortener? shortener = null, ContentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(templater);
        _templater = templater;
        _shortener = shortener ?? PassThroughUrlShortener.Instance;
        _options = options ?? new ContentOptions();
    }

    /// <inheritdoc />
    public async Task<ComposedCaption> ComposeAsync(CaptionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var data = request.Data;
        var link = string.IsNullOrWhiteSpace(request.Link) ? data.GetString(LinkField) : request.Link;
        string? tagged = null;
        PlatformException? shortenerError = null;

        if (!string.IsNullOrWhiteSpace(link))
        {
            tagged = request.AddUtm ? UtmBuilder.Build(link, request.Platform, request.Utm) : UtmBuilder.Validate(link);
            link = tagged;
            if (request.Shorten)
            {
                try
                {
                    link = await _shortener.ShortenAsync(tagged, cancellationToken).ConfigureAwait(false);
                }
                catch (PlatformException exception) when (!_options.ThrowOnShortenerError)
                {
                    // A long link beats no post: the caption goes out with the tagged link and the failure is reported.
                    shortenerError = exception;
                }
            }

            data = data.With(LinkField, link);
        }

        var rendered = _templater.Render(request.Template, request.Platform, data, request.Variant);
        var limits = request.Limits ?? KnownPlatformLimits.For(request.Platform);
        var fit = limits is null
            ? TextLimiter.Fit(rendered.Text, int.MaxValue, TextCountingRule.Utf16CodeUnits, ellipsis: _options.Ellipsis)
            : TextLimiter.Fit(rendered.Text, limits, request.HasMedia, _options.Ellipsis);

        return new ComposedCaption
        {
            Text = fit.Text,
            Link = string.IsNullOrWhiteSpace(link) ? null : link,
            TaggedLink = tagged,
            Rendered = rendered,
            Fit = fit,
            ShortenerError = shortenerError,
        };
    }
}
