using Rizquna.Connectors.Meta.Graph;
using Rizquna.Connectors.Meta.Graph.Models;

namespace Rizquna.Connectors.Meta.Instagram;

/// <summary>
/// After an unknown outcome, re-reads the container saved for the request: PUBLISHED means done (the media id is
/// taken from the checkpoint, or found among the account's recent media by caption and time); any other status means
/// nothing was published. Without a checkpoint, recent media are matched by caption and time.
/// </summary>
internal sealed class InstagramReconciler(GraphClient graph, IPublishCheckpointStore checkpoints) : IPublishReconciler
{
    private readonly ContainerPoller _poller = new(graph);

    public PlatformId Platform => PlatformId.Instagram;

    public async Task<ReconcileResult> ReconcileAsync(PublishRequest request, DateTimeOffset attemptStartedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var saved = await checkpoints.LoadAsync(request.IdempotencyKey, cancellationToken).ConfigureAwait(false);
        if (saved.TryGetValue(InstagramPublisher.MediaCheckpoint, out var mediaId))
        {
            return ReconcileResult.Found(new PublishResult(mediaId, null, graph.Time.GetUtcNow()));
        }

        try
        {
            if (saved.TryGetValue(InstagramPublisher.ContainerCheckpoint, out var containerId))
            {
                var (code, _) = await _poller.ReadAsync(request.Account, containerId, cancellationToken).ConfigureAwait(false);
                if (code != ContainerPoller.Published)
                {
                    return ReconcileResult.NotFound;
                }

                var match = await FindRecentAsync(request, attemptStartedAt, cancellationToken).ConfigureAwait(false);
                var result = match ?? new PublishResult(containerId, null, graph.Time.GetUtcNow());
                var id = match?.PlatformPostId ?? containerId;
                await checkpoints.SaveAsync(request.IdempotencyKey, InstagramPublisher.MediaCheckpoint, id, cancellationToken).ConfigureAwait(false);
                return ReconcileResult.Found(result with
                {
                    Details = new Dictionary<string, string>(1) { [InstagramPublisher.ContainerCheckpoint] = containerId },
                });
            }

            return await FindRecentAsync(request, attemptStartedAt, cancellationToken).ConfigureAwait(false) is { } found
                ? ReconcileResult.Found(found)
                : ReconcileResult.NotFound;
        }
        catch (PlatformException)
        {
            return ReconcileResult.Unknown;
        }
    }

    private async Task<PublishResult?> FindRecentAsync(PublishRequest request, DateTimeOffset attemptStartedAt, CancellationToken cancellationToken)
    {
        var since = attemptStartedAt - graph.Options.ReconcileClockSkew;
        var list = await graph.GetAsync(request.Account,
            $"{GraphPaths.Escape(request.Account.PlatformAccountId)}/media?fields=id,caption,timestamp,permalink&since={GraphPaths.UnixSeconds(since)}&limit=25",
            GraphJsonContext.Default.GraphListInstagramMedia, cancellationToken).ConfigureAwait(false);
        var expected = request.Post.Text.ReplaceLineEndings("\n").Trim();
        foreach (var media in list.Data ?? [])
        {
            var at = GraphPaths.ParseTime(media.Timestamp);
            if (media.Id is null || (at is { } t && t < since))
            {
                continue;
            }

            if (string.Equals((media.Caption ?? string.Empty).ReplaceLineEndings("\n").Trim(), expected, StringComparison.Ordinal))
            {
                return new PublishResult(media.Id, GraphPaths.ToUri(media.Permalink), at ?? graph.Time.GetUtcNow());
            }
        }

        return null;
    }
}
