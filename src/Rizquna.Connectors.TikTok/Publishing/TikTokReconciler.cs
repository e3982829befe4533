namespace Rizquna.Connectors.TikTok;

/// <summary>
/// Settles an unknown outcome by the publish's status. With a noted publish id: complete or in the inbox → found;
/// <c>FAILED</c> or an unknown publish id → not found (publishing again is safe); still processing → unknown.
/// Without one, the init never answered: a file upload cannot have produced a post (its bytes were never sent), so
/// not found; a URL or photo post may have, and TikTok offers no lookup by anything else, so unknown.
/// </summary>
internal sealed class TikTokReconciler(StatusPoller poller, TikTokCheckpoints checkpoints, TimeProvider timeProvider) : IPublishReconciler
{
    /// <inheritdoc />
    public PlatformId Platform => PlatformId.TikTok;

    /// <inheritdoc />
    public async Task<ReconcileResult> ReconcileAsync(PublishRequest request, DateTimeOffset attemptStartedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var notes = await checkpoints.Store.LoadAsync(request.IdempotencyKey, cancellationToken).ConfigureAwait(false);
        notes.TryGetValue(CheckpointNames.Source, out var source);
        if (!notes.TryGetValue(CheckpointNames.PublishId, out var publishId))
        {
            return source is null or VideoSourceInfo.FileUpload ? ReconcileResult.NotFound : ReconcileResult.Unknown;
        }

        PublishStatusData status;
        try
        {
            status = await poller.FetchAsync(request.Account, publishId, cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformException ex) when (ex.PlatformCode is TikTokErrorCodes.InvalidPublishId)
        {
            return ReconcileResult.NotFound;
        }
        catch (PlatformException)
        {
            return ReconcileResult.Unknown;
        }

        notes.TryGetValue(CheckpointNames.Username, out var username);
        return status.Status switch
        {
            PublishStatusData.PublishComplete or PublishStatusData.SendToUserInbox => ReconcileResult.Found(
                PublishResults.From(status, publishId, username, source == CheckpointNames.PhotoSource, timeProvider.GetUtcNow())),
            PublishStatusData.Failed => ReconcileResult.NotFound,
            _ => ReconcileResult.Unknown,
        };
    }
}
