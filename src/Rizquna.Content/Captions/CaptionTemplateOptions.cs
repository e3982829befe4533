namespace Rizquna.Content;

/// <summary>
/// One named caption template: A/B variants per platform, and default variants for every other platform.
/// Bound from <c>Rizquna:Content:Templates:&lt;name&gt;</c>, e.g. <c>Default:0</c>, <c>Platforms:x:0</c>.
/// </summary>
public sealed class CaptionTemplateOptions
{
    /// <summary>Handlebars variants used for a platform that has none of its own.</summary>
    public List<string> Default { get; set; } = [];

    /// <summary>Handlebars variants per platform name (<c>instagram</c>, <c>x</c> …).</summary>
    public Dictionary<string, List<string>> Platforms { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
