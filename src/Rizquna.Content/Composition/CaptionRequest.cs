namespace Rizquna.Content;

/// <summary>What <see cref="ICaptionComposer"/> needs to produce one caption.</summary>
public sealed record CaptionRequest
{
    /// <summary>The template set name (<c>Rizquna:Content:Templates:&lt;name&gt;</c>).</summary>
    public required string Template { get; init; }

    /// <summary>Where the caption is posted: picks the template variants, the UTM source and the limits.</summary>
    public required PlatformId Platform { get; init; }

    /// <summary>The template values. The link is taken from <see cref="Link"/> or, when that is null, from the <c>link</c> field.</summary>
    public required CaptionData Data { get; init; }

    /// <summary>The link to tag and shorten; null means the data's <c>link</c> field (no link at all is fine).</summary>
    public string? Link { get; init; }

    /// <summary>Whether UTM parameters are added to the link. Default true.</summary>
    public bool AddUtm { get; init; } = true;

    /// <summary>UTM values; null writes source (the platform) and medium (<c>social</c>) only.</summary>
    public UtmMeta? Utm { get; init; }

    /// <summary>Whether the tagged link goes through the <see cref="IUrlShortener"/>. Default true.</summary>
    public bool Shorten { get; init; } = true;

    /// <summary>Which A/B variant to render. Default: the first.</summary>
    public VariantChoice Variant { get; init; }

    /// <summary>Whether the post carries media (some platforms allow a shorter caption then).</summary>
    public bool HasMedia { get; init; }

    /// <summary>The limits to enforce (e.g. <see cref="IPublisher.Limits"/>); null means <see cref="KnownPlatformLimits.For"/>, and no limit for an unknown platform.</summary>
    public PlatformLimits? Limits { get; init; }
}
