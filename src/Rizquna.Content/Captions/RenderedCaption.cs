namespace Rizquna.Content;

/// <summary>A rendered caption, before limits are applied.</summary>
/// <param name="Text">The rendered text.</param>
/// <param name="TemplateName">The template set rendered.</param>
/// <param name="Platform">The platform asked for.</param>
/// <param name="UsedDefault">True when the platform had no template of its own and the default was used.</param>
/// <param name="Variant">The zero-based variant rendered.</param>
/// <param name="VariantCount">How many variants the template has for this platform.</param>
public sealed record RenderedCaption(string Text, string TemplateName, PlatformId Platform, bool UsedDefault, int Variant, int VariantCount);
