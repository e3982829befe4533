namespace Rizquna.Content;

/// <summary>Settings of the content utilities, bound from <c>Rizquna:Content</c>.</summary>
public sealed class ContentOptions
{
    /// <summary>The configuration section the options are usually bound from.</summary>
    public const string SectionName = "Rizquna:Content";

    /// <summary>Caption templates by name, e.g. <c>Templates:daily:Default:0</c> and <c>Templates:daily:Platforms:x:0</c>.</summary>
    public Dictionary<string, CaptionTemplateOptions> Templates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Bitly shortener settings; without an access token links are not shortened.</summary>
    public BitlyOptions Bitly { get; set; } = new();

    /// <summary>
    /// When false (the default) a shortener failure is reported in <see cref="ComposedCaption.ShortenerError"/> and the
    /// caption uses the tagged long link; when true the <see cref="PlatformException"/> propagates.
    /// </summary>
    public bool ThrowOnShortenerError { get; set; }

    /// <summary>What a cut caption ends with. Default <c>…</c> (U+2026).</summary>
    public string Ellipsis { get; set; } = TextLimiter.DefaultEllipsis;

    /// <summary>Adds variants to template <paramref name="name"/> for <paramref name="platform"/>, or to its default when null.</summary>
    public ContentOptions AddTemplate(string name, PlatformId? platform, params string[] variants)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(variants);
        if (!Templates.TryGetValue(name, out var template))
        {
            Templates[name] = template = new CaptionTemplateOptions();
        }

        var list = template.Default;
        if (platform is { } id)
        {
            if (!template.Platforms.TryGetValue(id.Value, out var platformVariants))
            {
                template.Platforms[id.Value] = platformVariants = [];
            }

            list = platformVariants;
        }

        list.AddRange(variants);
        return this;
    }
}
