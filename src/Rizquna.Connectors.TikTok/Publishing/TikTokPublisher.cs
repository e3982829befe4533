using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rizquna.Connectors.TikTok;

/// <summary>
/// Publishes one post to one TikTok account: a video from a local file (chunked upload) or a URL (PULL_FROM_URL), or a
/// photo post (1–35 images by URL), directly or to the creator's inbox. Order: validate, creator checks (direct post),
/// note the intent, init, note the publish id, upload, poll the status to its end state.
/// </summary>
internal sealed class TikTokPublisher(
    TikTokApiClient api,
    ChunkUploader uploader,
    StatusPoller poller,
    TikTokErrorMapper errors,
    TikTokCheckpoints checkpoints,
    IOptions<TikTokOptions> options,
    TimeProvider timeProvider,
    ILogger<TikTokPublisher> logger,
    IMediaHost? mediaHost = null) : IPublisher
{
    internal const string CreatorInfoPath = "v2/post/publish/creator_info/query/";
    internal const string VideoInitPath = "v2/post/publish/video/init/";
    internal const string InboxVideoInitPath = "v2/post/publish/inbox/video/init/";
    internal const string ContentInitPath = "v2/post/publish/content/init/";

    /// <inheritdoc />
    public PlatformId Platform => PlatformId.TikTok;

    /// <inheritdoc />
    public PlatformLimits Limits => KnownPlatformLimits.TikTok;

    /// <inheritdoc />
    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Account.Platform != PlatformId.TikTok)
        {
            throw new ArgumentException($"Account '{request.Account}' is not a TikTok account.", nameof(request));
        }

        using var activity = TikTokTelemetry.Source.StartActivity("tiktok.publish");
        activity?.SetTag("rizquna.account", request.Account.ToString());
        var settings = options.Value;
        var account = request.Account;
        var draft = TikTokDraftReader.Read(request.Post, settings);
        if (draft.Kind == TikTokPostKind.Photos)
        {
            draft = await HostLocalImagesAsync(draft, cancellationToken).ConfigureAwait(false);
        }

        FileStream? file = null;
        try
        {
            ChunkPlan plan = default;
            double? duration = draft.VideoDurationSec;
            if (draft.Kind == TikTokPostKind.VideoFile)
            {
                file = OpenVideo(draft.Video!.LocalPath!);
                if (file.Length > settings.MaxVideoBytes)
                {
                    throw TikTokDraftReader.Invalid($"The video is {file.Length} bytes; the limit is {settings.MaxVideoBytes} ({nameof(TikTokOptions.MaxVideoBytes)}).");
                }

                plan = ChunkPlanner.Plan(file.Length, settings.ChunkSize, settings.ChunkRules);
                duration ??= Mp4Duration.TryRead(file);
            }

            string? username = null;
            if (draft.Mode == TikTokPostMode.DirectPost)
            {
                var creator = await api.PostAsync<TikTokEmpty, CreatorInfo>(account, CreatorInfoPath, null,
                    TikTokJsonContext.Default.TikTokEmpty, TikTokJsonContext.Default.TikTokEnvelopeCreatorInfo,
                    createsContent: false, cancellationToken).ConfigureAwait(false);
                draft = CreatorChecks.Apply(draft, creator, duration);
                username = creator.CreatorUsername;
            }

            // Note the intent before the call that may create the post, so a reconciler knows what it is looking for.
            var store = checkpoints.Store;
            var key = request.IdempotencyKey;
            await store.SaveAsync(key, CheckpointNames.Source, draft.Source, cancellationToken).ConfigureAwait(false);
            await store.SaveAsync(key, CheckpointNames.PostMode, draft.Mode.ToString(), cancellationToken).ConfigureAwait(false);
            if (username is not null)
            {
                await store.SaveAsync(key, CheckpointNames.Username, username, cancellationToken).ConfigureAwait(false);
            }

            var init = await InitAsync(account, draft, plan, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(init.PublishId))
            {
                throw new PlatformException(PlatformId.TikTok, PlatformErrorKind.OutcomeUnknown,
                    "TikTok accepted the init but returned no publish_id; the outcome must be reconciled.");
            }

            var publishId = init.PublishId;
            activity?.SetTag("tiktok.publish_id", publishId);
            await store.SaveAsync(key, CheckpointNames.PublishId, publishId, CancellationToken.None).ConfigureAwait(false);
            Log.PublishInitialised(logger, publishId, account.ToString(), draft.Source, draft.Mode);

            if (draft.Kind == TikTokPostKind.VideoFile)
            {
                if (!Uri.TryCreate(init.UploadUrl, UriKind.Absolute, out var uploadUrl))
                {
                    throw new PlatformException(PlatformId.TikTok, PlatformErrorKind.Permanent,
                        $"TikTok returned no usable upload_url for {publishId}.");
                }

                await uploader.UploadAsync(account, publishId, uploadUrl, file!, plan, draft.VideoContentType!, cancellationToken).ConfigureAwait(false);
            }

            var status = await PollAsync(account, publishId, cancellationToken).ConfigureAwait(false);
            if (status.Status == PublishStatusData.Failed)
            {
                throw errors.FromFailReason(status.FailReason, publishId);
            }

            return PublishResults.From(status, publishId, username, draft.Kind == TikTokPostKind.Photos, timeProvider.GetUtcNow());
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private Task<PublishInitData> InitAsync(AccountRef account, TikTokDraft draft, ChunkPlan plan, CancellationToken cancellationToken)
    {
        var envelope = TikTokJsonContext.Default.TikTokEnvelopePublishInitData;
        if (draft.Kind == TikTokPostKind.Photos)
        {
            var photo = new PhotoInitRequest
            {
                PostMode = draft.Mode == TikTokPostMode.DirectPost ? "DIRECT_POST" : "MEDIA_UPLOAD",
                PostInfo = new PhotoPostInfo
                {
                    Title = draft.Title,
                    Description = draft.Description,
                    PrivacyLevel = draft.Mode == TikTokPostMode.DirectPost ? draft.PrivacyLevel : null,
                    DisableComment = draft.DisableComment,
                    AutoAddMusic = draft.AutoAddMusic,
                    BrandContentToggle = draft.BrandContentToggle,
                    BrandOrganicToggle = draft.BrandOrganicToggle,
                },
                SourceInfo = new PhotoSourceInfo
                {
                    PhotoCoverIndex = draft.PhotoCoverIndex,
                    PhotoImages = draft.Images.Select(static i => i.Url!.AbsoluteUri).ToList(),
                },
            };
            return api.PostAsync(account, ContentInitPath, photo, TikTokJsonContext.Default.PhotoInitRequest, envelope,
                createsContent: true, cancellationToken);
        }

        var source = draft.Kind == TikTokPostKind.VideoFile
            ? new VideoSourceInfo
            {
                Source = VideoSourceInfo.FileUpload,
                VideoSize = plan.VideoSize,
                ChunkSize = plan.ChunkSize,
                TotalChunkCount = plan.ChunkCount,
            }
            : new VideoSourceInfo { Source = VideoSourceInfo.PullFromUrl, VideoUrl = draft.Video!.Url!.AbsoluteUri };

        var video = new VideoInitRequest
        {
            SourceInfo = source,
            PostInfo = draft.Mode == TikTokPostMode.Inbox ? null : new VideoPostInfo
            {
                Title = draft.Title,
                PrivacyLevel = draft.PrivacyLevel,
                DisableComment = draft.DisableComment,
                DisableDuet = draft.DisableDuet,
                DisableStitch = draft.DisableStitch,
                VideoCoverTimestampMs = draft.VideoCoverTimestampMs,
                BrandContentToggle = draft.BrandContentToggle,
                BrandOrganicToggle = draft.BrandOrganicToggle,
                IsAigc = draft.IsAigc,
            },
        };
        var path = draft.Mode == TikTokPostMode.Inbox ? InboxVideoInitPath : VideoInitPath;
        return api.PostAsync(account, path, video, TikTokJsonContext.Default.VideoInitRequest, envelope,
            createsContent: true, cancellationToken);
    }

    /// <summary>
    /// Polls after the content reached TikTok. A failure here says nothing about the post, which may well be live:
    /// it becomes an unknown outcome, for the reconciler to settle by status before anything is sent again.
    /// </summary>
    private async Task<PublishStatusData> PollAsync(AccountRef account, string publishId, CancellationToken cancellationToken)
    {
        try
        {
            return await poller.PollAsync(account, publishId, cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformException ex) when (ex.Kind != PlatformErrorKind.OutcomeUnknown)
        {
            throw new PlatformException(PlatformId.TikTok, PlatformErrorKind.OutcomeUnknown,
                $"TikTok publish {publishId} was sent, but its status could not be read ({ex.Kind}); reconcile before any retry.", ex)
            {
                PlatformCode = ex.PlatformCode,
                TraceId = ex.TraceId,
                HttpStatus = ex.HttpStatus,
                RetryAfter = ex.RetryAfter,
            };
        }
    }

    private async Task<TikTokDraft> HostLocalImagesAsync(TikTokDraft draft, CancellationToken cancellationToken)
    {
        if (!draft.Images.Any(static i => i.IsLocal))
        {
            return draft;
        }

        if (mediaHost is null)
        {
            throw TikTokDraftReader.Invalid(
                "TikTok photo posts take images by public URL only (PULL_FROM_URL); register an IMediaHost to publish local images.");
        }

        var images = new List<MediaItem>(draft.Images.Count);
        foreach (var image in draft.Images)
        {
            images.Add(image.IsLocal ? image.WithPublicUrl(await mediaHost.HostAsync(image, cancellationToken).ConfigureAwait(false)) : image);
        }

        return draft with { Images = images };
    }

    private static FileStream OpenVideo(string path)
    {
        try
        {
            // No FileStream buffer: chunks are read in large blocks into one pooled buffer.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new PlatformException(PlatformId.TikTok, PlatformErrorKind.InvalidContent, $"The video file cannot be read: {ex.Message}", ex);
        }
    }
}
