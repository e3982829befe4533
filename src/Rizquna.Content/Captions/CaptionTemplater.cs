using System.Collections.Frozen;
using HandlebarsDotNet;

namespace Rizquna.Content;

/// <summary>
/// <see cref="ICaptionTemplater"/> on Handlebars.Net. Every template variant is compiled once, when the templater is
/// built; rendering only looks up the compiled delegate. Thread-safe.
/// </summary>
public sealed class CaptionTemplater : ICaptionTemplater
{
    private const string DefaultKey = "";

    private readonly FrozenDictionary<string, FrozenDictionary<string, CompiledVariants>> _templates;

    /// <summary>Compiles every template in <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">A template does not compile; the message names it (<c>Templates:name:Platforms:x:0</c>).</exception>
    public CaptionTemplater(ContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handlebars = CreateEnvironment();
        var templates = new Dictionary<string, FrozenDictionary<string, CompiledVariants>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, template) in options.Templates)
        {
            var byPlatform = new Dictionary<string, CompiledVariants>(StringComparer.OrdinalIgnoreCase);
            if (template.Default.Count > 0)
            {
                byPlatform[DefaultKey] = Compile(handlebars, template.Default, $"Templates:{name}:Default");
            }

            foreach (var (platform, variants) in template.Platforms)
            {
                if (variants.Count > 0)
                {
                    byPlatform[platform] = Compile(handlebars, variants, $"Templates:{name}:Platforms:{platform}");
                }
            }

            templates[name] = byPlatform.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        }

        _templates = templates.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public RenderedCaption Render(string templateName, PlatformId platform, CaptionData data, VariantChoice variant = default)
    {
        ArgumentNullException.ThrowIfNull(templateName);
        ArgumentNullException.ThrowIfNull(data);
        if (!_templates.TryGetValue(templateName, out var byPlatform))
        {
            throw new ArgumentException($"No caption template named '{templateName}' (configure Rizquna:Content:Templates:{templateName}).", nameof(templateName));
        }

        var usedDefault = false;
        if (!byPlatform.TryGetValue(platform.Value, out var compiled))
        {
            usedDefault = true;
            if (!byPlatform.TryGetValue(DefaultKey, out compiled))
            {
                throw new ArgumentException(
                    $"Caption template '{templateName}' has no variants for '{platform}' and no default (Templates:{templateName}:Default).",
                    nameof(platform));
            }
        }

        var index = variant.Resolve(compiled.Variants.Length);
        var text = compiled.Variants[index](data.Model);
        return new RenderedCaption(text, templateName, platform, usedDefault, index, compiled.Variants.Length);
    }

    /// <inheritdoc />
    public int VariantCount(string templateName, PlatformId platform)
    {
        ArgumentNullException.ThrowIfNull(templateName);
        if (!_templates.TryGetValue(templateName, out var byPlatform))
        {
            return 0;
        }

        return byPlatform.TryGetValue(platform.Value, out var compiled) || byPlatform.TryGetValue(DefaultKey, out compiled)
            ? compiled.Variants.Length
            : 0;
    }

    /// <summary>Checks that a template compiles; returns null or the compiler's message.</summary>
    internal static string? TryCompile(string template)
    {
        try
        {
            CreateEnvironment().Compile(template);
            return null;
        }
        catch (HandlebarsException exception)
        {
            return exception.Message;
        }
    }

    private static IHandlebars CreateEnvironment() => Handlebars.Create(new HandlebarsConfiguration
    {
        // Captions are plain text: "&" in a game name must stay "&", not "&amp;".
        NoEscape = true,
    });

    private static CompiledVariants Compile(IHandlebars handlebars, List<string> variants, string setting)
    {
        var compiled = new HandlebarsTemplate<object, object>[variants.Count];
        for (var i = 0; i < variants.Count; i++)
        {
            try
            {
                compiled[i] = handlebars.Compile(variants[i] ?? string.Empty);
            }
            catch (HandlebarsException exception)
            {
                throw new ArgumentException($"{setting}:{i} is not a valid Handlebars template: {exception.Message}", nameof(variants), exception);
            }
        }

        return new CompiledVariants(compiled);
    }

    private sealed record CompiledVariants(HandlebarsTemplate<object, object>[] Variants);
}
