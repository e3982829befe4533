using System.Globalization;
using Rizquna.Content;
using Rizquna.Scheduling.Lanes.Publishing;

namespace Rizquna.Scheduling.Autopost.Worker;

/// <summary>
/// Turns a queue item into the post for one channel with the content package: template + data → caption, link → UTM
/// (source = platform, medium = social, campaign from settings, content = item id) → optional shortlink, limits.
/// Items without a template use a built-in one: title, summary and link.
/// </summary>
internal sealed class AutopostPostBuilder
{
    internal const string BuiltInTemplate = "rizquna.autopost.default";
    private const string BuiltInText = "{{title}}{{#if summary}}\n\n{{summary}}{{/if}}{{#if link}}\n\n{{link}}{{/if}}";

    private readonly ICaptionComposer _composer;
    private readonly ICaptionComposer _builtIn;

    public AutopostPostBuilder(ICaptionComposer composer, IUrlShortener? shortener = null, ContentOptions? contentOptions = null)
    {
        _composer = composer ?? throw new ArgumentNullException(nameof(composer));
        var builtInOptions = new ContentOptions().AddTemplate(BuiltInTemplate, null, BuiltInText);
        _builtIn = new CaptionComposer(new CaptionTemplater(builtInOptions), shortener, contentOptions);
    }

    public async Task<Post> BuildAsync(AutopostItem item, string channel, PlatformId platform, PlatformLimits limits, AutopostOptions options, CancellationToken cancellationToken)
    {
        var data = item.Data is { } json ? CaptionData.FromJson(json) : CaptionData.Empty;
        data = data.With("title", item.Title).With("summary", item.Summary).With("image_url", item.ImageUrl?.AbsoluteUri)
            .With("id", item.Id.ToString(CultureInfo.InvariantCulture)).With("channel", channel);

        var template = item.Template
            ?? (options.Templates.TryGetValue(platform.Value, out var byPlatform) ? byPlatform : null)
            ?? options.DefaultTemplate;
        var composer = template is null ? _builtIn : _composer;
        // The shortener (a tracked link) learns which account the link is for from the ambient channel.
        using var composing = ComposingChannel.Enter(channel);
        var composed = await composer.ComposeAsync(new CaptionRequest
        {
            Template = template ?? BuiltInTemplate,
            Platform = platform,
            Data = data,
            Link = item.Link?.OriginalString,
            Utm = new UtmMeta { Campaign = options.Campaign, Content = item.Id.ToString(CultureInfo.InvariantCulture) },
            Shorten = options.ShortenLinks,
            Variant = Variant(item.Variant, $"{item.Id}:{channel}"),
            HasMedia = item.ImageUrl is not null,
            Limits = limits,
        }, cancellationToken).ConfigureAwait(false);

        return new Post
        {
            Text = composed.Text,
            Link = composed.Link is { } link ? new Uri(link) : null,
            Media = item.ImageUrl is { } image ? [MediaItem.FromUrl(MediaKind.Image, image)] : [],
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["autopost.item_id"] = item.Id.ToString(CultureInfo.InvariantCulture) },
        };
    }

    /// <summary><c>A</c>, <c>B</c>… or a zero-based number picks a variant; nothing rotates by <paramref name="rotationKey"/>.</summary>
    internal static VariantChoice Variant(string? variant, string rotationKey)
    {
        if (string.IsNullOrWhiteSpace(variant))
        {
            return VariantChoice.ByKey(rotationKey);
        }

        var text = variant.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return VariantChoice.Fixed(index);
        }

        if (text.Length == 1 && char.IsAsciiLetter(text[0]))
        {
            return VariantChoice.Fixed(char.ToUpperInvariant(text[0]) - 'A');
        }

        throw new ArgumentException($"variant '{variant}' must be a letter (A, B…) or a zero-based number.", nameof(variant));
    }
}
