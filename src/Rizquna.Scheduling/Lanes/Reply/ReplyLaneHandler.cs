using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rizquna.Scheduling.Approvals;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Lanes.Inbox;
using Rizquna.Scheduling.Storage;

namespace Rizquna.Scheduling.Lanes.Reply;

/// <summary>
/// Lane A (<c>&lt;prefix&gt;_reply_&lt;account&gt;</c>): polls the account's inbox from its persisted cursor, stores every new item
/// (the cursor moves only after the items before it are stored), then answers stored items — polled or ingested by a
/// webhook — through the reply policy and the approval gate. An item moves New → Replying → Replied atomically, so it
/// is never answered twice, across retries and restarts.
/// </summary>
public sealed partial class ReplyLaneHandler : ILaneHandler
{
    private readonly IInboxStore _inbox;
    private readonly ICursorStore _cursors;
    private readonly Dictionary<PlatformId, IInboxPoller> _pollers;
    private readonly Dictionary<PlatformId, IInboxResponder> _responders;
    private readonly IReplyPolicy _policy;
    private readonly IApprovalGate? _approvals;
    private readonly IOptionsMonitor<LanesOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    public ReplyLaneHandler(
        IInboxStore inbox,
        ICursorStore cursors,
        IEnumerable<IInboxPoller> pollers,
        IEnumerable<IInboxResponder> responders,
        IReplyPolicy policy,
        IOptionsMonitor<LanesOptions> options,
        TimeProvider time,
        IApprovalGate? approvals = null,
        ILogger<ReplyLaneHandler>? logger = null)
    {
        _inbox = inbox ?? throw new ArgumentNullException(nameof(inbox));
        _cursors = cursors ?? throw new ArgumentNullException(nameof(cursors));
        _pollers = LaneServices.ByPlatform(pollers, static p => p.Platform);
        _responders = LaneServices.ByPlatform(responders, static r => r.Platform);
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _approvals = approvals;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public LaneKind Lane => LaneKind.Reply;

    /// <inheritdoc />
    public async Task<LaneRunResult> RunAsync(JobRunContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var account = context.Account ?? throw new InvalidOperationException($"Job '{context.JobName}' has no account: lane A needs one.");
        var options = _options.CurrentValue;
        var received = await PollAsync(account, options, cancellationToken).ConfigureAwait(false);

        var counts = new Counts();
        var items = await _inbox.ListActionableAsync(account.ToString(), options.MaxRepliesPerRun, cancellationToken).ConfigureAwait(false);
        foreach (var stored in items)
        {
            await HandleAsync(stored, context, counts, cancellationToken).ConfigureAwait(false);
        }

        var message = $"received {received}, replied {counts.Replied}, no reply {counts.NoReply}, awaiting approval {counts.Awaiting}, deferred {counts.Deferred}, failed {counts.Failed}";
        return received == 0 && counts.Touched == 0 ? LaneRunResult.Skipped("nothing new") : LaneRunResult.Succeeded(message);
    }

    private async Task<int> PollAsync(AccountRef account, LanesOptions options, CancellationToken cancellationToken)
    {
        if (!_pollers.TryGetValue(account.Platform, out var poller))
        {
            return 0; // webhook-fed platforms: items arrive through IInboxStore.AddAsync
        }

        var cursorKey = account.ToString();
        var cursor = await _cursors.GetAsync(cursorKey, cancellationToken).ConfigureAwait(false);
        var batch = new List<InboxItem>(Math.Min(options.PollBatchSize, 256));
        InboxCursor? last = null;
        var added = 0;
        await foreach (var item in poller.PollAsync(account, cursor, cancellationToken).ConfigureAwait(false))
        {
            batch.Add(item);
            last = item.Cursor ?? last;
            if (batch.Count >= options.PollBatchSize)
            {
                added += await FlushAsync(batch, cursorKey, last, cancellationToken).ConfigureAwait(false);
            }
        }

        added += await FlushAsync(batch, cursorKey, last, cancellationToken).ConfigureAwait(false);
        return added;
    }

    // Store first, then move the cursor: a crash between the two re-reads items (stored once), never skips them.
    private async Task<int> FlushAsync(List<InboxItem> batch, string cursorKey, InboxCursor? cursor, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var added = await _inbox.AddRangeAsync(batch.ToArray(), cancellationToken).ConfigureAwait(false);
        batch.Clear();
        if (cursor is not null)
        {
            await _cursors.SetAsync(cursorKey, cursor, cancellationToken).ConfigureAwait(false);
        }

        return added;
    }

    private async Task HandleAsync(StoredInboxItem stored, JobRunContext context, Counts counts, CancellationToken cancellationToken)
    {
        var item = stored.Item;
        var account = item.Account.ToString();
        var replyKey = $"reply:{account}:{item.Id}";
        string text;
        if (stored.State == InboxRecordState.AwaitingApproval && stored.ReplyText is { } waiting)
        {
            text = waiting;
        }
        else
        {
            if (item.Kind == InboxItemKind.Order || !item.CanReply)
            {
                await SetAsync(item, InboxRecordState.NoReply, item.Kind == InboxItemKind.Order ? "order: recorded, never replied to" : "the platform allows no reply", counts, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (!_responders.ContainsKey(item.Account.Platform))
            {
                await SetAsync(item, InboxRecordState.NoReply, $"no responder for platform '{item.Account.Platform}'", counts, cancellationToken).ConfigureAwait(false);
                return;
            }

            var decision = await _policy.DecideAsync(new ReplyPolicyContext
            {
                Item = item,
                Now = _time.GetUtcNow(),
                TimeZone = context.TimeZone,
                Inbox = _inbox,
            }, cancellationToken).ConfigureAwait(false);

            if (decision.Kind == ReplyDecisionKind.Defer)
            {
                counts.Deferred++;
                return;
            }

            if (decision.Kind == ReplyDecisionKind.NoReply)
            {
                await SetAsync(item, InboxRecordState.NoReply, decision.Reason, counts, cancellationToken).ConfigureAwait(false);
                return;
            }

            text = decision.Text!;
        }

        if (_approvals is not null)
        {
            var gate = await _approvals.CheckAsync(new ApprovalRequest
            {
                ActionKey = replyKey,
                ActionType = "reply",
                Account = item.Account,
                JobName = context.JobName,
                CorrelationId = context.CorrelationId,
                Text = text,
                Facts = new Dictionary<string, string>(StringComparer.Ordinal) { ["kind"] = item.Kind.ToString(), ["item_id"] = item.Id },
            }, cancellationToken).ConfigureAwait(false);
            if (gate.Status == ApprovalGateStatus.Pending)
            {
                if (stored.State != InboxRecordState.AwaitingApproval)
                {
                    await _inbox.SetStateAsync(account, item.Id, InboxRecordState.AwaitingApproval, gate.ApprovalId, replyText: text, cancellationToken: cancellationToken).ConfigureAwait(false);
                    counts.Touched++;
                }

                counts.Awaiting++;
                return;
            }

            if (gate.Status == ApprovalGateStatus.Denied)
            {
                counts.Failed++;
                await SetAsync(item, InboxRecordState.Failed, $"approval denied: {gate.Reason ?? "rejected or expired"}", counts, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        if (!await _inbox.TryBeginReplyAsync(account, item.Id, text, cancellationToken).ConfigureAwait(false))
        {
            return; // another worker took it, or it is done
        }

        counts.Touched++;
        try
        {
            var result = await _responders[item.Account.Platform].ReplyAsync(new ReplyRequest(item, text, replyKey), cancellationToken).ConfigureAwait(false);
            await _inbox.SetStateAsync(account, item.Id, InboxRecordState.Replied, replyId: result.PlatformMessageId, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            counts.Replied++;
        }
        catch (PlatformException exception) when (exception.Kind is PlatformErrorKind.Transient or PlatformErrorKind.RateLimited)
        {
            // Known not sent: the item is new again and the next tick tries once more.
            await _inbox.SetStateAsync(account, item.Id, InboxRecordState.New, exception.Message, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            counts.Deferred++;
        }
        catch (PlatformException exception) when (exception.Kind is PlatformErrorKind.AuthExpired or PlatformErrorKind.ReauthorizationRequired)
        {
            // Not sent; the account needs its credentials: the run fails so the kernel pauses the account.
            await _inbox.SetStateAsync(account, item.Id, InboxRecordState.New, exception.Message, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (PlatformException exception) when (exception.Kind != PlatformErrorKind.OutcomeUnknown)
        {
            await _inbox.SetStateAsync(account, item.Id, InboxRecordState.Failed, exception.Message, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            counts.Failed++;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The reply may have gone out: at most once, so it is never sent again.
            await _inbox.SetStateAsync(account, item.Id, InboxRecordState.Unknown, exception.Message, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            LogReplyUnknown(_logger, account, item.Id, exception.Message);
            counts.Failed++;
        }
    }

    private async Task SetAsync(InboxItem item, InboxRecordState state, string? note, Counts counts, CancellationToken cancellationToken)
    {
        await _inbox.SetStateAsync(item.Account.ToString(), item.Id, state, note, cancellationToken: cancellationToken).ConfigureAwait(false);
        counts.Touched++;
        if (state == InboxRecordState.NoReply)
        {
            counts.NoReply++;
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Reply to {Account} item {ItemId} has an unknown outcome and will not be sent again: {Error}")]
    private static partial void LogReplyUnknown(ILogger logger, string account, string itemId, string error);

    private sealed class Counts
    {
        public int Replied;
        public int NoReply;
        public int Awaiting;
        public int Deferred;
        public int Failed;
        public int Touched;
    }
}
