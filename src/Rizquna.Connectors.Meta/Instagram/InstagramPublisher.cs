using Rizquna.Connectors.Meta.Graph;
using Rizquna.Connectors.Meta.Graph.Models;

namespace Rizquna.Connectors.Meta.Instagram;

/// <summary>
/// Publishes to an Instagram professional account (platform-contracts.md §1.3): image, carousel (2–10), reel and story.
/// Checks the publishing quota, creates the container(s), waits for FINISHED, publishes, then reads the permalink.
/// The container id is saved to the checkpoint store before publishing, so a later attempt or the reconciler resumes it
/// instead of publishing twice. The account's <see cref="AccountRef.PlatformAccountId"/> is the Instagram user id.
/// </summary>
internal sealed class InstagramPublisher(GraphClient graph, IPublishCheckpointStore checkpoints, IMediaHost? mediaHost) : IPublisher
{
    public const string ContainerCheckpoint = "instagram.container_id";
    public const string MediaCheckpoint = "instagram.media_id";

    private readonly ContainerPoller _poller = new(graph);
    private readonly PublishingQuota _quota = new(graph);

    public PlatformId Platform => PlatformId.Instagram;

    public PlatformLimits Limits => KnownPlatformLimits.Instagram with
    {
        MaxTextLength = graph.Options.InstagramMaxCaptionLength,
        MaxTextLengthWithMedia = graph.Options.InstagramMaxCaptionLength,
        MaxHashtags = graph.Options.InstagramMaxHashtags,
        MaxMentions = graph.Options.InstagramMaxMentions,
    };

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = request.Account;
        var post = request.Post;
        Validate(post);

        var saved = await checkpoints.LoadAsync(request.IdempotencyKey, cancellationToken).ConfigureAwait(false);
        if (saved.TryGetValue(MediaCheckpoint, out var publishedId))
        {
            // Published by an earlier attempt: never again.
            return new PublishResult(publishedId, await PermalinkAsync(account, publishedId, cancellationToken).ConfigureAwait(false), graph.Time.GetUtcNow());
        }

        var containerId = saved.TryGetValue(ContainerCheckpoint, out var existing)
            ? await ReusableAsync(account, existing, cancellationToken).ConfigureAwait(false)
            : null;

        if (containerId is null)
        {
            var media = await PublicMediaAsync(post, cancellationToken).ConfigureAwait(false);
            if (graph.Options.CheckPublishingQuota)
            {
                await _quota.EnsureAvailableAsync(account, cancellationToken).ConfigureAwait(false);
            }

            containerId = await CreateContainerAsync(account, post, media, cancellationToken).ConfigureAwait(false);
            await checkpoints.SaveAsync(request.IdempotencyKey, ContainerCheckpoint, containerId, cancellationToken).ConfigureAwait(false);
        }

        var status = await _poller.WaitAsync(account, containerId, cancellationToken).ConfigureAwait(false);
        if (status == ContainerPoller.Published)
        {
            throw new PlatformException(Platform, PlatformErrorKind.OutcomeUnknown,
                $"instagram: container {containerId} is already PUBLISHED by an earlier attempt; reconcile to record the media id.");
        }

        var published = await graph.PostJsonAsync(account, GraphPaths.Escape(account.PlatformAccountId) + "/media_publish",
            new MediaPublishRequest { CreationId = containerId }, GraphJsonContext.Default.MediaPublishRequest, GraphJsonContext.Default.IdResponse,
            GraphWrite.CreatesContent, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(published.Id))
        {
            throw new PlatformException(Platform, PlatformErrorKind.OutcomeUnknown,
                $"instagram: media_publish of container {containerId} returned no id; reconcile before any retry.");
        }

        await checkpoints.SaveAsync(request.IdempotencyKey, MediaCheckpoint, published.Id, cancellationToken).ConfigureAwait(false);
        var permalink = await PermalinkAsync(account, published.Id, cancellationToken).ConfigureAwait(false);
        return new PublishResult(published.Id, permalink, graph.Time.GetUtcNow())
        {
            Details = new Dictionary<string, string>(1) { [ContainerCheckpoint] = containerId },
        };
    }

    /// <summary>A saved container that can still be published, or null when a new one is needed.</summary>
    private async Task<string?> ReusableAsync(AccountRef account, string containerId, CancellationToken cancellationToken)
    {
        var (code, _) = await _poller.ReadAsync(account, containerId, cancellationToken).ConfigureAwait(false);
        return code switch
        {
            ContainerPoller.Finished or ContainerPoller.InProgress or ContainerPoller.Published => containerId,
            _ => null,
        };
    }

    private async Task<string> CreateContainerAsync(AccountRef account, Post post, IReadOnlyList<MediaItem> media, CancellationToken cancellationToken)
    {
        var caption = string.IsNullOrEmpty(post.Text) ? null : post.Text;
        ContainerRequest container;
        if (post.Placement == PostPlacement.Story)
        {
            container = Single(media[0]);
            container.MediaType = "STORIES";
        }
        else if (media.Count == 1)
        {
            container = Single(media[0]);
            container.Caption = caption;
            if (media[0].Kind == MediaKind.Video)
            {
                // A single feed video is a reel since 2023-07.
                container.MediaType = "REELS";
                if (post.Metadata.TryGetValue("instagram.share_to_feed", out var share) && bool.TryParse(share, out var shareToFeed))
                {
                    container.ShareToFeed = shareToFeed;
                }

                if (post.Metadata.TryGetValue("instagram.cover_url", out var cover))
                {
                    container.CoverUrl = cover;
                }
            }
            else if (media[0].AltText is { } alt)
            {
                container.AltText = alt;
            }
        }
        else
        {
            var children = new string[media.Count];
            for (var i = 0; i < media.Count; i++)
            {
                var child = Single(media[i]);
                child.IsCarouselItem = true;
                if (media[i].Kind == MediaKind.Video)
                {
                    child.MediaType = "VIDEO";
                }

                children[i] = await CreateAsync(account, child, cancellationToken).ConfigureAwait(false);
            }

            foreach (var child in children)
            {
                await _poller.WaitAsync(account, child, cancellationToken).ConfigureAwait(false);
            }

            container = new ContainerRequest { MediaType = "CAROUSEL", Caption = caption, Children = string.Join(',', children) };
        }

        return await CreateAsync(account, container, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> CreateAsync(AccountRef account, ContainerRequest container, CancellationToken cancellationToken)
    {
        // A container is invisible until media_publish, so creating it again is harmless: it may be retried.
        var created = await graph.PostJsonAsync(account, GraphPaths.Escape(account.PlatformAccountId) + "/media", container,
            GraphJsonContext.Default.ContainerRequest, GraphJsonContext.Default.IdResponse, GraphWrite.Idempotent, cancellationToken).ConfigureAwait(false);
        return created.Id is { Length: > 0 } id
            ? id
            : throw new PlatformException(Platform, PlatformErrorKind.Transient, "instagram: creating a media container returned no id.");
    }

    private static ContainerRequest Single(MediaItem media) => media.Kind == MediaKind.Video
        ? new ContainerRequest { VideoUrl = media.Url!.AbsoluteUri }
        : new ContainerRequest { ImageUrl = media.Url!.AbsoluteUri };

    private async Task<IReadOnlyList<MediaItem>> PublicMediaAsync(Post post, CancellationToken cancellationToken)
    {
        var result = new MediaItem[post.Media.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var item = post.Media[i];
            result[i] = item.IsLocal ? item.WithPublicUrl(await mediaHost!.HostAsync(item, cancellationToken).ConfigureAwait(false)) : item;
        }

        return result;
    }

    private async Task<Uri?> PermalinkAsync(AccountRef account, string mediaId, CancellationToken cancellationToken)
    {
        try
        {
            var read = await graph.GetAsync(account, GraphPaths.Escape(mediaId) + "?fields=permalink", GraphJsonContext.Default.PermalinkResponse, cancellationToken)
                .ConfigureAwait(false);
            return GraphPaths.ToUri(read.Permalink);
        }
        catch (PlatformException)
        {
            return null; // the media exists; a missing permalink is not a failure
        }
    }

    private void Validate(Post post)
    {
        var options = graph.Options;
        if (CaptionRules.Check(post.Text, options.InstagramMaxCaptionLength, options.InstagramMaxHashtags, options.InstagramMaxMentions) is { } problem)
        {
            throw new PlatformException(Platform, PlatformErrorKind.InvalidContent, problem);
        }

        var count = post.Media.Count;
        if (count == 0)
        {
            throw new PlatformException(Platform, PlatformErrorKind.InvalidContent, "instagram: a post needs at least one image or video.");
        }

        switch (post.Placement)
        {
            case PostPlacement.Story when count != 1:
                throw new PlatformException(Platform, PlatformErrorKind.InvalidContent, $"instagram: a story takes exactly one image or video, not {count}.");
            case PostPlacement.Reel when count != 1 || post.Media[0].Kind != MediaKind.Video:
                throw new PlatformException(Platform, PlatformErrorKind.InvalidContent, "instagram: a reel takes exactly one video.");
            case PostPlacement.Feed when count > 10:
                throw new PlatformException(Platform, PlatformErrorKind.InvalidContent, $"instagram: a carousel takes 2 to 10 items, not {count}.");
        }

        foreach (var media in post.Media)
        {
            if (media.IsLocal && mediaHost is null)
            {
                throw new PlatformException(Platform, PlatformErrorKind.Permanent,
                    $"instagram: '{Path.GetFileName(media.LocalPath)}' is a local file, and Instagram only downloads media from a public URL. "
                    + "Register an IMediaHost (or give the media a public URL); nothing was sent.");
            }
        }
    }
}
