using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rizquna.Content;
using Rizquna.Scheduling.Approvals;
using Rizquna.Scheduling.Policies;

namespace Rizquna.Scheduling.Autopost.Worker;

/// <summary>
/// Dispatches due queue items: claims up to <see cref="AutopostOptions.BatchSize"/> atomically, sends each channel on its
/// own (one failing channel neither blocks nor repeats the others), and records the batch's results in one write
/// (<see cref="DrainAsync"/>: in the same write that claims the next batch).
/// Per channel: reconcile an attempt with an unknown outcome first, skip by the dedup rule, ask the approval gate,
/// render caption + UTM, publish, then retry by the kernel's <see cref="RetryPolicy"/> (1 / 5 / 15 min by default).
/// </summary>
public sealed partial class AutopostWorker
{
    private readonly IAutopostStore _store;
    private readonly IOptionsMonitor<AutopostOptions> _options;
    private readonly Dictionary<PlatformId, IPublisher> _publishers;
    private readonly Dictionary<PlatformId, IPublishReconciler> _reconcilers;
    private readonly AutopostPostBuilder _posts;
    private readonly RetryPolicy _retry;
    private readonly IApprovalGate? _approvals;
    private readonly IReadOnlyList<IReporter> _reporters;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the worker.</summary>
    public AutopostWorker(
        IAutopostStore store,
        IOptionsMonitor<AutopostOptions> options,
        IEnumerable<IPublisher> publishers,
        IEnumerable<IPublishReconciler> reconcilers,
        ICaptionComposer composer,
        TimeProvider time,
        RetryPolicy? retryPolicy = null,
        IApprovalGate? approvals = null,
        IEnumerable<IReporter>? reporters = null,
        IUrlShortener? shortener = null,
        ILogger<AutopostWorker>? logger = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _publishers = Lanes.LaneServices.ByPlatform(publishers, static p => p.Platform);
        _reconcilers = Lanes.LaneServices.ByPlatform(reconcilers, static r => r.Platform);
        _posts = new AutopostPostBuilder(composer, shortener);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _retry = retryPolicy ?? RetryPolicy.Default;
        _approvals = approvals;
        _reporters = reporters?.ToArray() ?? [];
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Claims and dispatches one batch of due items; its results are recorded before this returns.</summary>
    public async Task<AutopostBatchResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var options = _options.CurrentValue;
        var now = _time.GetUtcNow();
        var claims = await _store.ClaimDueAsync(now, options.BatchSize, now + options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (claims.Count == 0)
        {
            return AutopostBatchResult.Empty;
        }

        var (completions, batch) = await DispatchBatchAsync(claims, options, now, cancellationToken).ConfigureAwait(false);
        await _store.CompleteAsync(completions, cancellationToken).ConfigureAwait(false);
        await AlertAsync(batch, cancellationToken).ConfigureAwait(false);
        return batch.Result(claims.Count);
    }

    /// <summary>
    /// Dispatches batch after batch until nothing is due; every result is recorded before this returns. Each batch's
    /// results are recorded in the same write that claims the next batch (<see cref="IAutopostStore.CompleteAndClaimNextAsync"/>),
    /// so a durable store commits once per batch. When <paramref name="cancellationToken"/> fires between batches, the
    /// last batch's results are still recorded and nothing more is claimed. Returns the counts summed over the batches.
    /// </summary>
    public async Task<AutopostBatchResult> DrainAsync(CancellationToken cancellationToken = default)
    {
        var options = _options.CurrentValue;
        var now = _time.GetUtcNow();
        var claims = await _store.ClaimDueAsync(now, options.BatchSize, now + options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        var total = AutopostBatchResult.Empty;
        while (claims.Count > 0)
        {
            var (completions, batch) = await DispatchBatchAsync(claims, options, now, cancellationToken).ConfigureAwait(false);
            total = total.Add(batch.Result(claims.Count));
            if (cancellationToken.IsCancellationRequested)
            {
                // Stopping: record what was done (a dropped result would mean an unknown outcome to reconcile), claim nothing.
                await _store.CompleteAsync(completions, CancellationToken.None).ConfigureAwait(false);
                await AlertAsync(batch, CancellationToken.None).ConfigureAwait(false);
                return total;
            }

            options = _options.CurrentValue;
            now = _time.GetUtcNow();
            claims = await _store.CompleteAndClaimNextAsync(completions, now, options.BatchSize, now + options.LeaseDuration, cancellationToken).ConfigureAwait(false);
            await AlertAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        return total;
    }

    /// <summary>
    /// Deletes the idempotency keys older than <see cref="AutopostOptions.IdempotencyKeyRetention"/> (their items stay);
    /// returns how many. <see cref="AutopostWorkerService"/> calls it once an hour.
    /// </summary>
    public Task<int> PruneIdempotencyKeysAsync(CancellationToken cancellationToken = default) =>
        _store.PruneIdempotencyKeysAsync(_time.GetUtcNow() - _options.CurrentValue.IdempotencyKeyRetention, cancellationToken);

    private async Task<(AutopostCompletion[] Completions, Batch Batch)> DispatchBatchAsync(
        IReadOnlyList<AutopostClaim> claims, AutopostOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var batch = new Batch(options, now);
        var completions = new AutopostCompletion[claims.Count];
        for (var i = 0; i < claims.Count; i++)
        {
            var item = claims[i].Item;
            var channels = new AutopostChannelResult[item.Channels.Count];
            for (var c = 0; c < channels.Length; c++)
            {
                var channel = item.Channels[c];
                channels[c] = channel.Status == AutopostChannelStatus.Pending && (channel.NextAttemptAt is null || channel.NextAttemptAt <= now)
                    ? await DispatchAsync(item, channel, batch, cancellationToken).ConfigureAwait(false)
                    : channel;
                batch.Count(channels[c], channel);
                if (channels[c].Status == AutopostChannelStatus.Failed && !ReferenceEquals(channels[c], channel))
                {
                    batch.NewFailures.Add((item, channels[c]));
                }
            }

            completions[i] = new AutopostCompletion(claims[i].ClaimToken, item with { Channels = channels, UpdatedAt = now });
        }

        return (completions, batch);
    }

    private async Task<AutopostChannelResult> DispatchAsync(AutopostItem item, AutopostChannelResult channel, Batch batch, CancellationToken cancellationToken)
    {
        var now = batch.Now;
        if (!batch.Options.Channels.TryGetValue(channel.Channel, out var platformAccountId))
        {
            return Fail(channel, $"Channel '{channel.Channel}' is no longer configured (Autopost:Channels).");
        }

        var account = AutopostChannels.ToAccount(channel.Channel, platformAccountId);
        if (!_publishers.TryGetValue(account.Platform, out var publisher))
        {
            return Fail(channel, $"No publisher is registered for platform '{account.Platform}'.");
        }

        var idempotencyKey = $"autopost:{item.Id.ToString(CultureInfo.InvariantCulture)}:{channel.Channel}";
        Post post;
        try
        {
            post = await _posts.BuildAsync(item, channel.Channel, account.Platform, publisher.Limits, batch.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException exception)
        {
            return Fail(channel, "Caption: " + exception.Message);
        }

        var request = new PublishRequest(account, post, idempotencyKey);

        // An earlier attempt may have posted (crash, or the platform's answer was lost): look before sending again.
        if (channel.AttemptStartedAt is { } startedAt)
        {
            if (!_reconcilers.TryGetValue(account.Platform, out var reconciler))
            {
                return Fail(channel with { AttemptStartedAt = null },
                    $"An earlier attempt (started {startedAt:O}) has an unknown outcome and '{account.Platform}' has no reconciler; not posted again. Check the channel, then use retry-now to post.");
            }

            ReconcileResult found;
            try
            {
                found = await reconciler.ReconcileAsync(request, startedAt, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                found = ReconcileResult.Unknown;
            }

            if (found.Status == ReconcileStatus.Found)
            {
                return Posted(channel, found.Result!, batch, item);
            }

            if (found.Status == ReconcileStatus.Unknown)
            {
                // Each inconclusive look counts as an attempt, so an undecidable post ends after the retry budget.
                var looks = channel.Attempts + 1;
                var decision = _retry.Decide(looks, PlatformErrorKind.OutcomeUnknown);
                return decision.ShouldRetry
                    ? channel with { Attempts = looks, NextAttemptAt = now + decision.Delay, Error = "Outcome unknown; reconciling again later." }
                    : Fail(channel, "Outcome unknown after every reconciliation; not posted again.");
            }
        }

        if (item.DedupKey is { } key)
        {
            var earlier = batch.PostedInBatch(channel.Channel, key, item.Id)
                ?? await _store.FindRecentPostAsync(channel.Channel, key, now - batch.Options.DedupWindow, item.Id, cancellationToken).ConfigureAwait(false);
            if (earlier is { } earlierId)
            {
                return channel with
                {
                    Status = AutopostChannelStatus.Skipped,
                    SkippedBecauseOf = earlierId,
                    AttemptStartedAt = null,
                    NextAttemptAt = null,
                    Error = $"Dedup: item {earlierId} posted '{key}' to {channel.Channel} within {batch.Options.DedupWindow.TotalMinutes:0} min.",
                };
            }
        }

        if (_approvals is not null)
        {
            var gate = await _approvals.CheckAsync(new ApprovalRequest
            {
                ActionKey = idempotencyKey,
                ActionType = "publish",
                Account = account,
                JobName = "autopost",
                Text = post.Text,
                Facts = new Dictionary<string, string>(StringComparer.Ordinal) { ["source"] = "autopost", ["item_id"] = item.Id.ToString(CultureInfo.InvariantCulture) },
            }, cancellationToken).ConfigureAwait(false);
            if (gate.Status == ApprovalGateStatus.Pending)
            {
                return channel with { ApprovalId = gate.ApprovalId ?? idempotencyKey, NextAttemptAt = now + batch.Options.ApprovalRecheckInterval, AttemptStartedAt = null };
            }

            if (gate.Status == ApprovalGateStatus.Denied)
            {
                return Fail(channel with { ApprovalId = gate.ApprovalId, AttemptStartedAt = null }, $"Approval denied: {gate.Reason ?? "rejected or expired"}.");
            }
        }

        var attempt = channel.Attempts + 1;
        try
        {
            var result = await publisher.PublishAsync(request, cancellationToken).ConfigureAwait(false);
            return Posted(channel with { Attempts = attempt }, result, batch, item);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var decision = _retry.Decide(attempt, exception);
            var message = exception is PlatformException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
            LogChannelFailed(_logger, item.Id, channel.Channel, attempt, decision.ShouldRetry, message);
            var unknown = exception is PlatformException { Kind: PlatformErrorKind.OutcomeUnknown };
            return decision.ShouldRetry
                ? channel with { Attempts = attempt, NextAttemptAt = now + decision.Delay, Error = message, ApprovalId = null, AttemptStartedAt = unknown ? now : null }
                : Fail(channel with { Attempts = attempt, ApprovalId = null }, message);
        }
    }

    private static AutopostChannelResult Posted(AutopostChannelResult channel, PublishResult result, Batch batch, AutopostItem item)
    {
        if (item.DedupKey is { } key)
        {
            batch.RememberPost(channel.Channel, key, item.Id);
        }

        return channel with
        {
            Status = AutopostChannelStatus.Posted,
            PlatformPostId = result.PlatformPostId,
            Url = result.Permalink,
            PostedAt = result.PublishedAt,
            AttemptStartedAt = null,
            NextAttemptAt = null,
            ApprovalId = null,
            Error = null,
        };
    }

    private static AutopostChannelResult Fail(AutopostChannelResult channel, string error) => channel with
    {
        Status = AutopostChannelStatus.Failed,
        Error = error,
        AttemptStartedAt = null,
        NextAttemptAt = null,
    };

    private async Task AlertAsync(Batch batch, CancellationToken cancellationToken)
    {
        var failures = batch.NewFailures;
        if (failures.Count == 0)
        {
            return;
        }

        var now = batch.Now;
        var lines = failures.Select(static f => $"#{f.Item.Id} \"{f.Item.Title}\" → {f.Channel.Channel}: {f.Channel.Error}");
        var report = new Report("Autopost: channels failed", string.Join('\n', lines), ReportSeverity.Warning, now) { Type = "alert.autopost_failed" };
        foreach (var reporter in _reporters)
        {
            try
            {
                await reporter.SendAsync(report, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // An alert channel being down must not undo the batch that is already recorded.
                LogAlertFailed(_logger, reporter.Name, exception.Message);
            }
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Autopost item {ItemId} on {Channel}: attempt {Attempt} failed (retry: {WillRetry}): {Error}")]
    private static partial void LogChannelFailed(ILogger logger, long itemId, string channel, int attempt, bool willRetry, string error);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Autopost alert through reporter {Reporter} failed: {Error}")]
    private static partial void LogAlertFailed(ILogger logger, string reporter, string error);

    /// <summary>The state of one tick: counts, posts made in this batch (for dedup before they are recorded), new failures.</summary>
    private sealed class Batch(AutopostOptions options, DateTimeOffset now)
    {
        private Dictionary<(string, string), long>? _posted;

        public AutopostOptions Options { get; } = options;

        public DateTimeOffset Now { get; } = now;

        public int Posted { get; private set; }

        public int Failed { get; private set; }

        public int Skipped { get; private set; }

        public int Retrying { get; private set; }

        public int AwaitingApproval { get; private set; }

        public List<(AutopostItem Item, AutopostChannelResult Channel)> NewFailures { get; } = [];

        public AutopostBatchResult Result(int claimed) => new(claimed, Posted, Failed, Skipped, Retrying, AwaitingApproval);

        public long? PostedInBatch(string channel, string key, long itemId) =>
            _posted is not null && _posted.TryGetValue((channel, key), out var id) && id != itemId ? id : null;

        public void RememberPost(string channel, string key, long itemId) => (_posted ??= [])[(channel, key)] = itemId;

        public void Count(AutopostChannelResult after, AutopostChannelResult before)
        {
            if (ReferenceEquals(after, before))
            {
                return;
            }

            switch (after.Status)
            {
                case AutopostChannelStatus.Posted:
                    Posted++;
                    break;
                case AutopostChannelStatus.Failed:
                    Failed++;
                    break;
                case AutopostChannelStatus.Skipped:
                    Skipped++;
                    break;
                case AutopostChannelStatus.Pending when after.ApprovalId is not null:
                    AwaitingApproval++;
                    break;
                case AutopostChannelStatus.Pending:
                    Retrying++;
                    break;
            }
        }
    }
}
