using System.Globalization;
using Rizquna.Content;
using Rizquna.Scheduling.Autopost.Worker;
using Rizquna.Scheduling.Lanes.Folder;

namespace Rizquna.Scheduling.Lanes.Publishing;

/// <summary>
/// Lane B's rendering with the content package: a named template goes through the caption composer; an item's own
/// caption text is itself a Handlebars template (compiled for that item) over its data. Links get UTM (source =
/// platform, medium = social, campaign from settings, content = item id) and an optional shortlink; limits are enforced.
/// Media a platform must download (Instagram, TikTok photos) is put at a public URL by the media host first.
/// </summary>
internal sealed class LanePostBuilder(ICaptionComposer composer, IUrlShortener? shortener, IMediaHost? mediaHost)
{
    internal const string InlineTemplate = "rizquna.lane.inline";

    /// <exception cref="ArgumentException">The caption cannot be rendered (bad template or link): the item is at fault.</exception>
    /// <exception cref="PlatformException">Media needs a public URL and no media host is configured (<see cref="PlatformErrorKind.Permanent"/>).</exception>
    public async Task<Post> BuildAsync(ContentItem item, AccountRef account, PlatformLimits limits, LanesOptions options, DateOnly day, CancellationToken cancellationToken)
    {
        var media = await HostMediaAsync(item, account, limits, cancellationToken).ConfigureAwait(false);
        var hashtags = string.Join(' ', item.Hashtags.Select(static h => h.StartsWith('#') ? h : "#" + h));
        var data = CaptionData.From(item.Data)
            .With("text", item.Text)
            .With("hashtags", hashtags.Length == 0 ? null : hashtags)
            .With("id", item.Id)
            .With("account", account.Key)
            .With("platform", account.Platform.Value)
            .With("date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var template = item.Template ?? (item.Text is null ? options.DefaultTemplate : null);
        var request = new CaptionRequest
        {
            Template = template ?? InlineTemplate,
            Platform = account.Platform,
            Data = data,
            Link = item.Link,
            Utm = new UtmMeta { Campaign = options.Campaign, Content = item.Id },
            Shorten = options.ShortenLinks,
            Variant = AutopostPostBuilder.Variant(item.Variant, $"{account.Key}:{day:yyyy-MM-dd}"),
            HasMedia = media.Count > 0,
            Limits = limits,
        };

        var useComposer = template is null ? InlineComposer(item, account, hashtags.Length > 0) : composer;
        ComposedCaption composed;
        using (ComposingChannel.Enter(account.ToString()))
        {
            composed = await useComposer.ComposeAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return new Post
        {
            Text = composed.Text,
            Link = composed.Link is { } link ? new Uri(link) : null,
            Media = media,
            Placement = item.Placement,
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["lane.item_id"] = item.Id },
        };
    }

    // The item's caption is its own template; the hashtags and (where the platform has no link field) the link follow
    // it unless the caption places them itself.
    private CaptionComposer InlineComposer(ContentItem item, AccountRef account, bool hasHashtags)
    {
        var text = item.Text ?? string.Empty;
        if (hasHashtags && !text.Contains("{{hashtags}}", StringComparison.Ordinal))
        {
            text += "\n\n{{hashtags}}";
        }

        if (item.Link is not null && account.Platform != PlatformId.Facebook && !text.Contains("{{link}}", StringComparison.Ordinal))
        {
            text += "\n\n{{link}}";
        }

        var options = new ContentOptions().AddTemplate(InlineTemplate, null, text.Trim());
        return new CaptionComposer(new CaptionTemplater(options), shortener);
    }

    private async Task<IReadOnlyList<MediaItem>> HostMediaAsync(ContentItem item, AccountRef account, PlatformLimits limits, CancellationToken cancellationToken)
    {
        if (!limits.RequiresPublicMediaUrl || item.Media.All(static m => !m.IsLocal))
        {
            return item.Media;
        }

        if (mediaHost is null)
        {
            throw new PlatformException(account.Platform, PlatformErrorKind.Permanent,
                $"'{account.Platform}' needs media at a public URL but no media host (IMediaHost) is configured; item '{item.Id}' was not sent.");
        }

        var hosted = new List<MediaItem>(item.Media.Count);
        foreach (var media in item.Media)
        {
            hosted.Add(media.IsLocal ? media.WithPublicUrl(await mediaHost.HostAsync(media, cancellationToken).ConfigureAwait(false)) : media);
        }

        return hosted;
    }
}
