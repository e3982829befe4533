using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rizquna.Connectors.TikTok;

/// <summary>
/// <c>status/fetch</c> until an end state: <c>PUBLISH_COMPLETE</c>, <c>SEND_TO_USER_INBOX</c> or <c>FAILED</c>.
/// Pauses come from the injected <see cref="TimeProvider"/>; past <see cref="TikTokOptions.StatusPollTimeout"/> the
/// last (still processing) status is handed back for the reconciler to finish later.
/// </summary>
internal sealed class StatusPoller(
    TikTokApiClient api,
    IOptions<TikTokOptions> options,
    TimeProvider timeProvider,
    ILogger<StatusPoller> logger)
{
    private const string StatusPath = "v2/post/publish/status/fetch/";

    /// <summary>One status read (idempotent, so the HTTP layer may retry it).</summary>
    public Task<PublishStatusData> FetchAsync(AccountRef account, string publishId, CancellationToken cancellationToken = default) =>
        api.PostAsync(account, StatusPath, new StatusFetchRequest { PublishId = publishId },
            TikTokJsonContext.Default.StatusFetchRequest, TikTokJsonContext.Default.TikTokEnvelopePublishStatusData,
            createsContent: false, cancellationToken);

    /// <summary>Polls to an end state, or until the poll timeout (then <c>IsEndState</c> is false on the result).</summary>
    public async Task<PublishStatusData> PollAsync(AccountRef account, string publishId, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var started = timeProvider.GetTimestamp();
        while (true)
        {
            var status = await FetchAsync(account, publishId, cancellationToken).ConfigureAwait(false);
            if (IsEndState(status.Status))
            {
                TikTokTelemetry.PublishEnded.Add(1, new KeyValuePair<string, object?>("status", status.Status));
                Log.PublishEnded(logger, publishId, status.Status!);
                return status;
            }

            var elapsed = timeProvider.GetElapsedTime(started);
            if (elapsed >= settings.StatusPollTimeout)
            {
                Log.PollingGaveUp(logger, publishId, status.Status, elapsed);
                return status;
            }

            await Task.Delay(settings.StatusPollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    public static bool IsEndState(string? status) =>
        status is PublishStatusData.PublishComplete or PublishStatusData.SendToUserInbox or PublishStatusData.Failed;
}
