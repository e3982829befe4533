using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Rizquna.Scheduling.Approvals;

namespace Rizquna.Scheduling.Tests.Lanes;

/// <summary>An <see cref="IPublisher"/> that records every call; <see cref="Behavior"/> may throw to simulate platform errors.</summary>
internal sealed class RecordingPublisher(PlatformId platform, TimeProvider time, PlatformLimits? limits = null) : IPublisher
{
    public PlatformId Platform => platform;

    public PlatformLimits Limits { get; } = limits ?? KnownPlatformLimits.For(platform) ?? KnownPlatformLimits.Facebook;

    public ConcurrentQueue<(PublishRequest Request, DateTimeOffset At)> Calls { get; } = new();

    /// <summary>Runs before the result is returned (the call is already recorded): throw to fail it.</summary>
    public Action<PublishRequest>? Behavior { get; set; }

    public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue((request, time.GetUtcNow()));
        Behavior?.Invoke(request);
        var id = $"{platform}-{Calls.Count}";
        return Task.FromResult(new PublishResult(id, new Uri($"https://{platform}.example/{id}"), time.GetUtcNow()));
    }
}

/// <summary>A reconciler that answers from the calls a <see cref="RecordingPublisher"/> recorded (as the platform would).</summary>
internal sealed class RecordingReconciler(RecordingPublisher publisher) : IPublishReconciler
{
    public PlatformId Platform => publisher.Platform;

    public int Looks { get; private set; }

    public Task<ReconcileResult> ReconcileAsync(PublishRequest request, DateTimeOffset attemptStartedAt, CancellationToken cancellationToken = default)
    {
        Looks++;
        foreach (var (call, at) in publisher.Calls)
        {
            if (call.IdempotencyKey == request.IdempotencyKey)
            {
                return Task.FromResult(ReconcileResult.Found(new PublishResult("found-" + call.IdempotencyKey, new Uri("https://found.example/post"), at)));
            }
        }

        return Task.FromResult(ReconcileResult.NotFound);
    }
}

/// <summary>A reporter that keeps what it was sent.</summary>
internal sealed class RecordingReporter(string name = "test") : IReporter
{
    public string Name => name;

    public List<Report> Reports { get; } = [];

    public Task SendAsync(Report report, CancellationToken cancellationToken = default)
    {
        Reports.Add(report);
        return Task.CompletedTask;
    }
}

/// <summary>An approval gate whose answers the test sets per action key (default: proceed).</summary>
internal sealed class ScriptedApprovalGate : IApprovalGate
{
    public Dictionary<string, ApprovalGateStatus> Answers { get; } = new(StringComparer.Ordinal);

    public List<ApprovalRequest> Requests { get; } = [];

    public Func<ApprovalRequest, ApprovalGateStatus>? Rule { get; set; }

    public Task<ApprovalGateResult> CheckAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        var status = Answers.TryGetValue(request.ActionKey, out var s) ? s : Rule?.Invoke(request) ?? ApprovalGateStatus.Proceed;
        return Task.FromResult(new ApprovalGateResult(status, "appr-" + request.ActionKey, status == ApprovalGateStatus.Proceed ? null : "test"));
    }
}

/// <summary>An inbox poller fed by the test; honours the cursor (the item index).</summary>
internal sealed class ScriptedInboxPoller(PlatformId platform) : IInboxPoller
{
    private readonly List<InboxItem> _items = [];

    public PlatformId Platform => platform;

    public int Polls { get; private set; }

    public void Add(InboxItem item) => _items.Add(item with { Cursor = new InboxCursor((_items.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) });

    public async IAsyncEnumerable<InboxItem> PollAsync(AccountRef account, InboxCursor? after, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Polls++;
        var start = after is null ? 0 : int.Parse(after.Value, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = start; i < _items.Count; i++)
        {
            if (_items[i].Account.Key == account.Key)
            {
                await Task.Yield();
                yield return _items[i];
            }
        }
    }
}

/// <summary>A responder that records replies.</summary>
internal sealed class RecordingResponder(PlatformId platform, TimeProvider time) : IInboxResponder
{
    public PlatformId Platform => platform;

    public List<ReplyRequest> Replies { get; } = [];

    public Action<ReplyRequest>? Behavior { get; set; }

    public Task<ReplyResult> ReplyAsync(ReplyRequest request, CancellationToken cancellationToken = default)
    {
        Replies.Add(request);
        Behavior?.Invoke(request);
        return Task.FromResult(new ReplyResult("reply-" + Replies.Count, time.GetUtcNow()));
    }
}
