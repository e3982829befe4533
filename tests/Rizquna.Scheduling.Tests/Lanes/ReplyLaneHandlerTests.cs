using Rizquna.Content;
using Rizquna.Scheduling.Approvals;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Lanes;
using Rizquna.Scheduling.Lanes.Inbox;
using Rizquna.Scheduling.Lanes.Reply;
using Rizquna.Scheduling.Storage;
using Rizquna.Scheduling.Storage.InMemory;
using Rizquna.Testing;

namespace Rizquna.Scheduling.Tests.Lanes;

public sealed class ReplyLaneHandlerTests
{
    private static readonly AccountRef Account = new(PlatformId.Telegram, "001", "-100");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 3, 0, 0, TimeSpan.Zero));
    private readonly ScriptedInboxPoller _poller = new(PlatformId.Telegram);
    private readonly RecordingResponder _responder;
    private readonly InMemorySchedulingStore _kernelStore = new();

    public ReplyLaneHandlerTests() => _responder = new RecordingResponder(PlatformId.Telegram, _time);

    private ReplyLaneHandler Handler(IInboxStore inbox, IApprovalGate? gate = null)
    {
        var policy = new RuleBasedReplyPolicy(
            new CaptionTemplater(new ContentOptions().AddTemplate("hi", null, "Halo {{name}}")),
            new StaticOptionsMonitor<RuleBasedReplyOptions>(new RuleBasedReplyOptions { Rules = [new ReplyRule { Name = "hi", Keywords = ["halo"], Template = "hi" }] }));
        return new ReplyLaneHandler(inbox, _kernelStore, [_poller], [_responder], policy,
            new StaticOptionsMonitor<LanesOptions>(new LanesOptions { PollBatchSize = 2 }), _time, gate);
    }

    private JobRunContext Context() => new()
    {
        JobName = "ops_reply_001",
        Lane = LaneKind.Reply,
        Account = Account,
        PlanVersion = 1,
        ScheduledAt = _time.GetUtcNow(),
        Attempt = 1,
        CorrelationId = "c",
        TimeZone = TimeZoneInfo.Utc,
    };

    private static InboxItem Message(string id, string text) => new()
    {
        Account = Account,
        Id = id,
        Kind = InboxItemKind.ChatMessage,
        Text = text,
        From = new InboxParticipant("u" + id, "Ani"),
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    /// <summary>An inbox whose writes fail on demand (a crash before the items are stored).</summary>
    private sealed class FailingInbox(IInboxStore inner) : IInboxStore
    {
        public bool FailAdds { get; set; }

        public Task<bool> AddAsync(InboxItem item, CancellationToken cancellationToken = default) => inner.AddAsync(item, cancellationToken);

        public Task<int> AddRangeAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken = default) =>
            FailAdds ? throw new IOException("disk full") : inner.AddRangeAsync(items, cancellationToken);

        public Task<StoredInboxItem?> GetAsync(string account, string itemId, CancellationToken cancellationToken = default) => inner.GetAsync(account, itemId, cancellationToken);

        public Task<IReadOnlyList<StoredInboxItem>> ListActionableAsync(string account, int max, CancellationToken cancellationToken = default) => inner.ListActionableAsync(account, max, cancellationToken);

        public Task<IReadOnlyList<StoredInboxItem>> ListAsync(string? account, InboxRecordState? state, long? beforeId, int limit, CancellationToken cancellationToken = default) => inner.ListAsync(account, state, beforeId, limit, cancellationToken);

        public Task<bool> TryBeginReplyAsync(string account, string itemId, string replyText, CancellationToken cancellationToken = default) => inner.TryBeginReplyAsync(account, itemId, replyText, cancellationToken);

        public Task SetStateAsync(string account, string itemId, InboxRecordState state, string? note = null, string? replyId = null, string? replyText = null, CancellationToken cancellationToken = default) =>
            inner.SetStateAsync(account, itemId, state, note, replyId, replyText, cancellationToken);

        public Task<int> CountRepliesToAsync(string account, string authorId, DateTimeOffset since, CancellationToken cancellationToken = default) => inner.CountRepliesToAsync(account, authorId, since, cancellationToken);

        public Task<IReadOnlyList<InboxStats>> GetStatsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) => inner.GetStatsAsync(from, to, cancellationToken);
    }

    [Fact]
    public async Task The_cursor_moves_only_after_the_items_are_stored_and_each_item_is_answered_once()
    {
        var inbox = new FailingInbox(new InMemoryInboxStore(_time));
        _poller.Add(Message("1", "halo"));
        _poller.Add(Message("2", "halo juga"));
        _poller.Add(Message("3", "bye"));

        inbox.FailAdds = true;
        await Assert.ThrowsAsync<IOException>(() => Handler(inbox).RunAsync(Context()));
        Assert.Null(await ((ICursorStore)_kernelStore).GetAsync("telegram/001"));

        inbox.FailAdds = false;
        var result = await Handler(inbox).RunAsync(Context());
        Assert.Equal(LaneRunOutcome.Succeeded, result.Outcome);
        Assert.Equal("3", (await ((ICursorStore)_kernelStore).GetAsync("telegram/001"))!.Value);
        Assert.Equal(["1", "2"], _responder.Replies.Select(r => r.InReplyTo.Id));
        Assert.Equal("reply:telegram/001:1", _responder.Replies[0].IdempotencyKey);

        // A re-poll from scratch (lost cursor) and a restart with a new handler answer nothing again.
        await ((ICursorStore)_kernelStore).SetAsync("telegram/001", new InboxCursor("0"));
        Assert.Equal(LaneRunOutcome.Skipped, (await Handler(inbox).RunAsync(Context())).Outcome);
        Assert.Equal(2, _responder.Replies.Count);
    }

    [Fact]
    public async Task A_reply_with_an_unknown_outcome_is_never_sent_again()
    {
        var inbox = new InMemoryInboxStore(_time);
        _poller.Add(Message("1", "halo"));
        _responder.Behavior = _ => throw new PlatformException(PlatformId.Telegram, PlatformErrorKind.OutcomeUnknown, "timeout");
        await Handler(inbox).RunAsync(Context());
        _responder.Behavior = null;
        await Handler(inbox).RunAsync(Context());
        Assert.Single(_responder.Replies);
        Assert.Equal(InboxRecordState.Unknown, (await inbox.GetAsync("telegram/001", "1"))!.State);
    }

    [Fact]
    public async Task A_reply_the_approval_policy_holds_is_sent_once_approved()
    {
        var inbox = new InMemoryInboxStore(_time);
        var gate = new ScriptedApprovalGate();
        gate.Answers["reply:telegram/001:1"] = ApprovalGateStatus.Pending;
        _poller.Add(Message("1", "halo"));

        await Handler(inbox, gate).RunAsync(Context());
        Assert.Empty(_responder.Replies);
        var waiting = (await inbox.GetAsync("telegram/001", "1"))!;
        Assert.Equal(InboxRecordState.AwaitingApproval, waiting.State);
        Assert.Equal("Halo Ani", waiting.ReplyText);

        gate.Answers["reply:telegram/001:1"] = ApprovalGateStatus.Proceed;
        await Handler(inbox, gate).RunAsync(Context());
        await Handler(inbox, gate).RunAsync(Context());
        Assert.Equal("Halo Ani", Assert.Single(_responder.Replies).Text);
    }
}
