using Microsoft.Extensions.Options;
using Rizquna.Content;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Lanes.Folder;

namespace Rizquna.Scheduling.Lanes.Publishing;

/// <summary>
/// Lane B (<c>&lt;prefix&gt;_post_&lt;account&gt;</c>): takes the account's next unpublished item from the content source,
/// renders it and publishes it once. The intent is saved in the <see cref="IPostLedger"/> before the platform is called
/// and the result after; an attempt whose outcome is unknown (timeout, crash right after the platform accepted) is
/// reconciled before anything is sent again, so an item is never posted twice. One post per occurrence; the stagger
/// between accounts comes from the plan.
/// </summary>
public sealed class PostLaneHandler : ILaneHandler
{
    private readonly IContentSource _source;
    private readonly IPostLedger _ledger;
    private readonly Dictionary<PlatformId, IPublisher> _publishers;
    private readonly Dictionary<PlatformId, IPublishReconciler> _reconcilers;
    private readonly LanePostBuilder _posts;
    private readonly IOptionsMonitor<LanesOptions> _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the handler.</summary>
    public PostLaneHandler(
        IContentSource source,
        IPostLedger ledger,
        IEnumerable<IPublisher> publishers,
        IEnumerable<IPublishReconciler> reconcilers,
        ICaptionComposer composer,
        IOptionsMonitor<LanesOptions> options,
        TimeProvider time,
        IMediaHost? mediaHost = null,
        IUrlShortener? shortener = null)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _publishers = LaneServices.ByPlatform(publishers, static p => p.Platform);
        _reconcilers = LaneServices.ByPlatform(reconcilers, static r => r.Platform);
        _posts = new LanePostBuilder(composer ?? throw new ArgumentNullException(nameof(composer)), shortener, mediaHost);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <inheritdoc />
    public LaneKind Lane => LaneKind.Post;

    /// <inheritdoc />
    public async Task<LaneRunResult> RunAsync(JobRunContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var account = context.Account ?? throw new InvalidOperationException($"Job '{context.JobName}' has no account: lane B needs one.");
        if (!_publishers.TryGetValue(account.Platform, out var publisher))
        {
            throw new PlatformException(account.Platform, PlatformErrorKind.Permanent, $"No publisher is registered for platform '{account.Platform}'.");
        }

        var accountKey = account.ToString();
        var ledger = (await _ledger.ListAsync(accountKey, cancellationToken).ConfigureAwait(false)).ToDictionary(static e => e.ItemId, StringComparer.Ordinal);
        foreach (var done in ledger.Values)
        {
            // A retry or a re-run of an occurrence that already posted (or may have) posts nothing more.
            if (done.Occurrence == context.ScheduledAt && done.State is PostLedgerState.Published or PostLedgerState.Unknown)
            {
                return LaneRunResult.Skipped($"occurrence already handled: item '{done.ItemId}' is {done.State}");
            }
        }

        var options = _options.CurrentValue;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.ScheduledAt, context.TimeZone).DateTime);
        var invalid = new List<string>();
        foreach (var entry in await _source.ListAsync(account, cancellationToken).ConfigureAwait(false))
        {
            var previous = ledger.GetValueOrDefault(entry.Id);
            if (previous?.State is PostLedgerState.Published or PostLedgerState.Failed or PostLedgerState.Unknown)
            {
                continue;
            }

            if (entry.Item is not { } item)
            {
                await SaveAsync(accountKey, entry.Id, context, PostLedgerState.Failed, error: entry.Error, cancellationToken: cancellationToken).ConfigureAwait(false);
                invalid.Add(entry.Error ?? entry.Id);
                continue;
            }

            if (item.Date is { } notBefore && notBefore > day)
            {
                continue;
            }

            Post post;
            try
            {
                post = await _posts.BuildAsync(item, account, publisher.Limits, options, day, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException exception)
            {
                var error = $"{item.Id}: {exception.Message}";
                await SaveAsync(accountKey, item.Id, context, PostLedgerState.Failed, error: error, cancellationToken: cancellationToken).ConfigureAwait(false);
                invalid.Add(error);
                continue;
            }

            var result = await PublishAsync(new PublishRequest(account, post, $"post:{accountKey}:{item.Id}"), item.Id, previous, publisher, context, cancellationToken).ConfigureAwait(false);
            return invalid.Count == 0 ? result : LaneRunResult.Succeeded($"{result.Message}; skipped invalid: {string.Join("; ", invalid)}");
        }

        if (invalid.Count > 0)
        {
            throw new PlatformException(account.Platform, PlatformErrorKind.InvalidContent, $"No valid item to publish: {string.Join("; ", invalid)}");
        }

        return LaneRunResult.Skipped($"no unpublished item for {accountKey}");
    }

    private async Task<LaneRunResult> PublishAsync(PublishRequest request, string itemId, PostLedgerEntry? previous, IPublisher publisher, JobRunContext context, CancellationToken cancellationToken)
    {
        var account = request.Account;
        var accountKey = account.ToString();
        if (previous is { State: PostLedgerState.Publishing })
        {
            // The last attempt may have posted: look before sending anything.
            var reconciled = await ReconcileAsync(request, previous.StartedAt, cancellationToken).ConfigureAwait(false);
            switch (reconciled?.Status)
            {
                case ReconcileStatus.Found:
                    await SavePublishedAsync(accountKey, itemId, context, previous.StartedAt, reconciled.Result!, cancellationToken).ConfigureAwait(false);
                    return LaneRunResult.Succeeded($"published {itemId} (found by reconciliation): {reconciled.Result!.Permalink}");
                case ReconcileStatus.Unknown:
                    throw new PlatformException(account.Platform, PlatformErrorKind.OutcomeUnknown, $"The earlier attempt to publish '{itemId}' is still unknown; reconciling again later.");
                case null:
                    await SaveAsync(accountKey, itemId, context, PostLedgerState.Unknown, previous.StartedAt,
                        "The outcome of an earlier attempt is unknown and the platform has no reconciler; not posted again.", cancellationToken).ConfigureAwait(false);
                    throw new PlatformException(account.Platform, PlatformErrorKind.Permanent,
                        $"The outcome of publishing '{itemId}' is unknown and '{account.Platform}' has no reconciler: it is not posted again. Check the account.");
            }
        }

        var startedAt = _time.GetUtcNow();
        await SaveAsync(accountKey, itemId, context, PostLedgerState.Publishing, startedAt, cancellationToken: cancellationToken).ConfigureAwait(false);
        PublishResult result;
        try
        {
            result = await publisher.PublishAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformException exception) when (exception.Kind == PlatformErrorKind.OutcomeUnknown)
        {
            var reconciled = await ReconcileAsync(request, startedAt, cancellationToken).ConfigureAwait(false);
            if (reconciled?.Status != ReconcileStatus.Found)
            {
                throw; // the intent stays: the retry reconciles first
            }

            result = reconciled.Result!;
        }
        catch (PlatformException exception)
        {
            var permanent = exception.Kind is PlatformErrorKind.InvalidContent or PlatformErrorKind.Permanent;
            await SaveAsync(accountKey, itemId, context, permanent ? PostLedgerState.Failed : PostLedgerState.Retryable, startedAt, exception.Message, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await SavePublishedAsync(accountKey, itemId, context, startedAt, result, CancellationToken.None).ConfigureAwait(false);
        return LaneRunResult.Succeeded($"published {itemId}: {result.Permalink?.ToString() ?? result.PlatformPostId}");
    }

    private async Task<ReconcileResult?> ReconcileAsync(PublishRequest request, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        if (!_reconcilers.TryGetValue(request.Account.Platform, out var reconciler))
        {
            return null;
        }

        try
        {
            return await reconciler.ReconcileAsync(request, startedAt, cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformException)
        {
            return ReconcileResult.Unknown;
        }
    }

    private Task SavePublishedAsync(string account, string itemId, JobRunContext context, DateTimeOffset startedAt, PublishResult result, CancellationToken cancellationToken) =>
        _ledger.SaveAsync(new PostLedgerEntry
        {
            Account = account,
            ItemId = itemId,
            IdempotencyKey = $"post:{account}:{itemId}",
            State = PostLedgerState.Published,
            Occurrence = context.ScheduledAt,
            StartedAt = startedAt,
            PlatformPostId = result.PlatformPostId,
            Permalink = result.Permalink,
            PublishedAt = result.PublishedAt,
            UpdatedAt = _time.GetUtcNow(),
        }, cancellationToken);

    private Task SaveAsync(string account, string itemId, JobRunContext context, PostLedgerState state, DateTimeOffset? startedAt = null, string? error = null, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        return _ledger.SaveAsync(new PostLedgerEntry
        {
            Account = account,
            ItemId = itemId,
            IdempotencyKey = $"post:{account}:{itemId}",
            State = state,
            Occurrence = context.ScheduledAt,
            StartedAt = startedAt ?? now,
            Error = error,
            UpdatedAt = now,
        }, cancellationToken);
    }
}
