using System.Globalization;
using System.Net.Http.Headers;
using Rizquna.Connectors.Meta.Graph;
using Rizquna.Connectors.Meta.Graph.Models;

namespace Rizquna.Connectors.Meta.Facebook;

/// <summary>
/// Publishes to a Facebook Page (platform-contracts.md §1.1–1.2): text and link posts on <c>/feed</c>, one photo on
/// <c>/photos</c> (by URL, or a local file as multipart <c>source</c>), several photos as unpublished photos then
/// <c>attached_media</c>, and scheduled posts (<c>published=false</c> + <c>scheduled_publish_time</c>).
/// The account's <see cref="AccountRef.PlatformAccountId"/> is the Page id; its token is a Page token.
/// </summary>
internal sealed class FacebookPagePublisher(GraphClient graph) : IPublisher
{
    public PlatformId Platform => PlatformId.Facebook;

    private PlatformLimits? _limits;
    private FeedTarget? _feed;

    public PlatformLimits Limits
    {
        get
        {
            // Rebuilt only when the configured length changes (options may be reloaded).
            var max = graph.Options.FacebookMaxTextLength;
            var limits = _limits;
            if (limits is null || limits.MaxTextLength != max)
            {
                _limits = limits = KnownPlatformLimits.Facebook with { MaxTextLength = max, MaxTextLengthWithMedia = max };
            }

            return limits;
        }
    }

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var post = request.Post;
        var account = request.Account;
        var scheduledAt = CheckAndGetSchedule(post);
        Validate(post);

        var pageId = account.PlatformAccountId;
        if (post.Media.Count == 0)
        {
            var feed = new FeedRequest { Message = NullIfEmpty(post.Text), Link = post.Link?.AbsoluteUri };
            ApplySchedule(feed, scheduledAt);
            var created = await graph.PostJsonAsync(account, FeedPath(pageId), feed,
                GraphJsonContext.Default.FeedRequest, GraphJsonContext.Default.IdResponse, GraphWrite.CreatesContent, cancellationToken).ConfigureAwait(false);
            return Result(created.Id, GraphPaths.ToUri(created.PermalinkUrl), scheduledAt);
        }

        if (post.Media.Count == 1)
        {
            var photo = await UploadPhotoAsync(account, post.Media[0], CaptionOf(post), published: scheduledAt is null, scheduledAt, temporary: false, cancellationToken)
                .ConfigureAwait(false);
            var postId = photo.PostId ?? photo.Id;
            var permalink = scheduledAt is null ? await PermalinkAsync(account, postId, cancellationToken).ConfigureAwait(false) : null;
            return Result(postId, permalink, scheduledAt, photo.Id);
        }

        // Several photos: unpublished photos first (invisible until attached), then one feed post that attaches them.
        var attached = new List<AttachedMedia>(post.Media.Count);
        foreach (var media in post.Media)
        {
            // An unpublished photo is invisible, so repeating its upload is harmless: it may be retried.
            var photo = await UploadPhotoAsync(account, media, caption: null, published: false, scheduledAt: null, temporary: scheduledAt is not null, cancellationToken)
                .ConfigureAwait(false);
            attached.Add(new AttachedMedia { MediaFbid = photo.Id });
        }

        var multi = new FeedRequest { Message = NullIfEmpty(post.Text), Link = post.Link?.AbsoluteUri, AttachedMedia = attached };
        ApplySchedule(multi, scheduledAt);
        var feedPost = await graph.PostJsonAsync(account, FeedPath(pageId), multi,
            GraphJsonContext.Default.FeedRequest, GraphJsonContext.Default.IdResponse, GraphWrite.CreatesContent, cancellationToken).ConfigureAwait(false);
        return Result(feedPost.Id, GraphPaths.ToUri(feedPost.PermalinkUrl), scheduledAt);
    }

    private PublishResult Result(string? id, Uri? permalink, DateTimeOffset? scheduledAt, string? photoId = null)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new PlatformException(Platform, PlatformErrorKind.OutcomeUnknown,
                "facebook: Graph accepted the post but returned no id; reconcile before any retry.");
        }

        return new PublishResult(id, permalink, graph.Time.GetUtcNow())
        {
            State = scheduledAt is null ? PublishState.Published : PublishState.Scheduled,
            Details = photoId is null ? NoDetails.Instance : new Dictionary<string, string>(1) { ["facebook.photo_id"] = photoId },
        };
    }

    private async Task<IdResponse> UploadPhotoAsync(
        AccountRef account, MediaItem media, string? caption, bool published, DateTimeOffset? scheduledAt, bool temporary, CancellationToken cancellationToken)
    {
        var path = account.PlatformAccountId + "/photos";
        long? scheduled = scheduledAt is { } at ? GraphPaths.UnixSeconds(at) : null;
        if (media.Url is { } url)
        {
            var body = new PhotoRequest
            {
                Url = url.AbsoluteUri,
                Caption = caption,
                Published = published ? null : false,
                Temporary = temporary ? true : null,
                ScheduledPublishTime = scheduled,
                AltTextCustom = media.AltText,
            };
            return await graph.PostJsonAsync(account, path, body, GraphJsonContext.Default.PhotoRequest, GraphJsonContext.Default.IdResponse,
                WriteFor(published, scheduledAt), cancellationToken).ConfigureAwait(false);
        }

        var file = OpenLocal(media);
        using var form = new MultipartFormDataContent();
        var source = new StreamContent(file);
        source.Headers.ContentType = new MediaTypeHeaderValue(media.ContentType ?? "application/octet-stream");
        form.Add(source, "source", Path.GetFileName(media.LocalPath!));
        if (caption is not null)
        {
            form.Add(new StringContent(caption), "caption");
        }

        if (!published)
        {
            form.Add(new StringContent("false"), "published");
        }

        if (temporary)
        {
            form.Add(new StringContent("true"), "temporary");
        }

        if (scheduled is { } s)
        {
            form.Add(new StringContent(s.ToString(CultureInfo.InvariantCulture)), "scheduled_publish_time");
        }

        if (media.AltText is { } alt)
        {
            form.Add(new StringContent(alt), "alt_text_custom");
        }

        // A multipart body is a one-shot stream: never re-sent, whatever the call is.
        return await graph.PostContentAsync(account, path, form, GraphJsonContext.Default.IdResponse, GraphWrite.CreatesContent, cancellationToken)
            .ConfigureAwait(false);
    }

    private static GraphWrite WriteFor(bool published, DateTimeOffset? scheduledAt) =>
        published || scheduledAt is not null ? GraphWrite.CreatesContent : GraphWrite.Idempotent;

    private async Task<Uri?> PermalinkAsync(AccountRef account, string? postId, CancellationToken cancellationToken)
    {
        if (postId is null)
        {
            return null;
        }

        try
        {
            var read = await graph.GetAsync(account, GraphPaths.Escape(postId) + "?fields=permalink_url", GraphJsonContext.Default.PermalinkResponse, cancellationToken)
                .ConfigureAwait(false);
            return GraphPaths.ToUri(read.PermalinkUrl);
        }
        catch (PlatformException)
        {
            // The post exists; a missing permalink must not turn a success into a failure.
            return null;
        }
    }

    private DateTimeOffset? CheckAndGetSchedule(Post post)
    {
        if (post.ScheduledPublishTime is not { } at)
        {
            return null;
        }

        var options = graph.Options;
        var now = graph.Time.GetUtcNow();
        var earliest = now + options.ScheduleMinimumLead;
        var latest = now + options.ScheduleMaximumLead;
        if (at < earliest || at > latest)
        {
            throw new PlatformException(Platform, PlatformErrorKind.InvalidContent,
                $"facebook: scheduled_publish_time {at:O} is outside the allowed window ({options.ScheduleMinimumLead} to {options.ScheduleMaximumLead} from now, "
                + $"i.e. {earliest:O} .. {latest:O}). Publish now or pick a time inside the window.");
        }

        return at;
    }

    private void Validate(Post post)
    {
        if (post.Media.Count == 0 && string.IsNullOrWhiteSpace(post.Text) && post.Link is null)
        {
            throw new PlatformException(Platform, PlatformErrorKind.InvalidContent, "facebook: a post needs a text, a link or a photo.");
        }

        var limits = Limits;
        if (post.Text.Length > limits.MaxTextLength)
        {
            throw new PlatformException(Platform, PlatformErrorKind.InvalidContent,
                $"facebook: the text has {post.Text.Length} characters; the limit is {limits.MaxTextLength}.");
        }

        if (post.Media.Count > limits.MaxMediaItems)
        {
            throw new PlatformException(Platform, PlatformErrorKind.InvalidContent,
                $"facebook: {post.Media.Count} photos; a post takes at most {limits.MaxMediaItems}.");
        }

        foreach (var media in post.Media)
        {
            if (media.Kind != MediaKind.Image)
            {
                throw new PlatformException(Platform, PlatformErrorKind.InvalidContent,
                    "facebook: only photos are supported on Page posts by this connector; publish videos as an Instagram reel or upload them separately.");
            }

            if (media.IsLocal && !File.Exists(media.LocalPath))
            {
                throw new PlatformException(Platform, PlatformErrorKind.InvalidContent, $"facebook: the photo file '{media.LocalPath}' does not exist.");
            }
        }
    }

    private static string? CaptionOf(Post post)
    {
        // Photos have no link field: the link goes at the end of the caption, unless the text already carries it.
        var text = post.Text;
        if (post.Link is { } link && !text.Contains(link.AbsoluteUri, StringComparison.Ordinal))
        {
            text = text.Length == 0 ? link.AbsoluteUri : text + "\n" + link.AbsoluteUri;
        }

        return NullIfEmpty(text);
    }

    private static void ApplySchedule(FeedRequest feed, DateTimeOffset? scheduledAt)
    {
        if (scheduledAt is { } at)
        {
            feed.Published = false;
            feed.ScheduledPublishTime = GraphPaths.UnixSeconds(at);
        }
    }

    /// <summary>The page's feed path; a publisher usually posts to one page, so the last one is kept rather than joined again.</summary>
    private string FeedPath(string pageId)
    {
        var feed = _feed;
        if (feed is null || !string.Equals(feed.PageId, pageId, StringComparison.Ordinal))
        {
            _feed = feed = new FeedTarget(pageId, pageId + "/feed?fields=id,permalink_url");
        }

        return feed.Path;
    }

    private static FileStream OpenLocal(MediaItem media) =>
        new(media.LocalPath!, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, useAsync: true);

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}

/// <summary>A page id and its feed path (one object, so concurrent publishes read a consistent pair).</summary>
internal sealed record FeedTarget(string PageId, string Path);
