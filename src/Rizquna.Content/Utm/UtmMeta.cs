namespace Rizquna.Content;

/// <summary>
/// The campaign values <see cref="UtmBuilder"/> writes. A null or blank value is not written, except
/// <see cref="Source"/> (defaults to the platform name) and <see cref="Medium"/> (defaults to <c>social</c>).
/// </summary>
public sealed record UtmMeta
{
    /// <summary><c>utm_source</c>; null means the platform name (e.g. <c>instagram</c>).</summary>
    public string? Source { get; init; }

    /// <summary><c>utm_medium</c>; null means <see cref="DefaultMedium"/>.</summary>
    public string? Medium { get; init; }

    /// <summary><c>utm_campaign</c>, e.g. <c>rtp-daily</c>.</summary>
    public string? Campaign { get; init; }

    /// <summary><c>utm_content</c>, e.g. the caption variant or the account key.</summary>
    public string? Content { get; init; }

    /// <summary><c>utm_term</c>, e.g. the game.</summary>
    public string? Term { get; init; }

    /// <summary>What to do with utm_* parameters the URL already carries. Default <see cref="UtmExistingParameters.Replace"/>.</summary>
    public UtmExistingParameters Existing { get; init; } = UtmExistingParameters.Replace;

    /// <summary>The medium written when <see cref="Medium"/> is null: <c>social</c>.</summary>
    public const string DefaultMedium = "social";
}
