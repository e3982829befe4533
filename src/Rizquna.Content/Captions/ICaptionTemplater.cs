namespace Rizquna.Content;

/// <summary>Renders named caption templates per platform, with a default fallback and A/B variants.</summary>
public interface ICaptionTemplater
{
    /// <summary>
    /// Renders template <paramref name="templateName"/> for <paramref name="platform"/> (or its default variants when the
    /// platform has none) with <paramref name="data"/>. Values are inserted as is (no HTML escaping).
    /// </summary>
    /// <exception cref="ArgumentException">No such template, or it has neither platform nor default variants.</exception>
    RenderedCaption Render(string templateName, PlatformId platform, CaptionData data, VariantChoice variant = default);

    /// <summary>How many variants <paramref name="templateName"/> has for <paramref name="platform"/> (0 when none).</summary>
    int VariantCount(string templateName, PlatformId platform);
}
