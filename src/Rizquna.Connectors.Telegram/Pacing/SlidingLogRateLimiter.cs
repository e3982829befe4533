using System.Threading.RateLimiting;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// A <see cref="RateLimiter"/> that grants at most <c>permitLimit</c> permits in any window of <c>window</c>, measured
/// on an injected <see cref="TimeProvider"/>, queuing callers oldest first.
/// </summary>
/// <remarks>
/// Why not the built-in limiters: in System.Threading.RateLimiting 10.0 even a limiter with <c>AutoReplenishment</c>
/// off refills from <c>Stopwatch</c> time, so a manual clock cannot drive it. A sliding log is also exact: Telegram's
/// "20 per minute" never sees 21 in any minute, which a token bucket's burst would allow.
/// </remarks>
internal sealed class SlidingLogRateLimiter : RateLimiter
{
    private readonly int _permitLimit;
    private readonly TimeSpan _window;
    private readonly int _queueLimit;
    private readonly TimeProvider _timeProvider;
    private readonly object _gate = new();
    private readonly Queue<long> _grants = new();            // timestamps of grants still inside the window
    private readonly LinkedList<Waiter> _waiters = new();
    private ITimer? _timer;
    private long _lastGrant;
    private bool _disposed;

    public SlidingLogRateLimiter(int permitLimit, TimeSpan window, int queueLimit, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        _permitLimit = permitLimit;
        _window = window;
        _queueLimit = queueLimit;
        _timeProvider = timeProvider;
        _lastGrant = timeProvider.GetTimestamp();
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = _timeProvider.GetTimestamp();
                Prune(now);
                return _grants.Count == 0 && _waiters.Count == 0 ? _timeProvider.GetElapsedTime(_lastGrant, now) : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Prune(_timeProvider.GetTimestamp());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _permitLimit - _grants.Count,
                CurrentQueuedCount = _waiters.Count,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckPermitCount(permitCount);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return TryGrant(permitCount) ? Granted.Instance : Refused(permitCount);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckPermitCount(permitCount);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_waiters.Count == 0 && TryGrant(permitCount))
            {
                return ValueTask.FromResult<RateLimitLease>(Granted.Instance);
            }

            if (_waiters.Count >= _queueLimit)
            {
                return ValueTask.FromResult(Refused(permitCount));
            }

            cancellationToken.ThrowIfCancellationRequested();
            var waiter = new Waiter(permitCount);
            var node = _waiters.AddLast(waiter);
            if (cancellationToken.CanBeCanceled)
            {
                waiter.Registration = cancellationToken.UnsafeRegister(static (state, token) =>
                {
                    var (self, node) = ((SlidingLogRateLimiter, LinkedListNode<Waiter>))state!;
                    self.Cancel(node, token);
                }, (this, node));
            }

            ScheduleUnlocked();
            return new ValueTask<RateLimitLease>(waiter.Completion.Task);
        }
    }

    private void Cancel(LinkedListNode<Waiter> node, CancellationToken token)
    {
        lock (_gate)
        {
            if (node.List is null)
            {
                return; // already granted
            }

            _waiters.Remove(node);
        }

        node.Value.Completion.TrySetCanceled(token);
    }

    /// <summary>Grants queued callers whose turn has come; runs on the timer of the <see cref="TimeProvider"/>.</summary>
    private void OnTimer()
    {
        List<Waiter>? granted = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            while (_waiters.First is { } first && TryGrant(first.Value.PermitCount))
            {
                _waiters.RemoveFirst();
                (granted ??= []).Add(first.Value);
            }

            ScheduleUnlocked();
        }

        // Completed outside the lock; continuations run asynchronously (see Waiter).
        foreach (var waiter in granted ?? [])
        {
            waiter.Registration.Dispose();
            waiter.Completion.TrySetResult(Granted.Instance);
        }
    }

    /// <summary>Sets the timer for when the oldest grant leaves the window, if anyone waits. Caller holds the lock.</summary>
    private void ScheduleUnlocked()
    {
        if (_waiters.Count == 0 || _grants.Count == 0)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var due = _window - _timeProvider.GetElapsedTime(_grants.Peek());
        if (due < TimeSpan.Zero)
        {
            due = TimeSpan.Zero;
        }

        _timer ??= _timeProvider.CreateTimer(static state => ((SlidingLogRateLimiter)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private bool TryGrant(int permitCount)
    {
        var now = _timeProvider.GetTimestamp();
        Prune(now);
        if (_grants.Count + permitCount > _permitLimit)
        {
            return false;
        }

        for (var i = 0; i < permitCount; i++)
        {
            _grants.Enqueue(now);
        }

        _lastGrant = now;
        return true;
    }

    private void Prune(long now)
    {
        while (_grants.TryPeek(out var oldest) && _timeProvider.GetElapsedTime(oldest, now) >= _window)
        {
            _grants.Dequeue();
        }
    }

    private RateLimitLease Refused(int permitCount)
    {
        var retryAfter = _grants.TryPeek(out var oldest) ? _window - _timeProvider.GetElapsedTime(oldest) : TimeSpan.Zero;
        return new Refusal(retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter);
    }

    private void CheckPermitCount(int permitCount) =>
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _permitLimit, nameof(permitCount));

    protected override void Dispose(bool disposing)
    {
        List<Waiter> pending;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer?.Dispose();
            pending = [.. _waiters];
            _waiters.Clear();
        }

        foreach (var waiter in pending)
        {
            waiter.Registration.Dispose();
            waiter.Completion.TrySetResult(new Refusal(TimeSpan.Zero));
        }

        base.Dispose(disposing);
    }

    private sealed class Waiter(int permitCount)
    {
        public int PermitCount { get; } = permitCount;

        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }

    /// <summary>A granted permit: nothing to release, the grant simply ages out of the window.</summary>
    private sealed class Granted : RateLimitLease
    {
        public static readonly Granted Instance = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    private sealed class Refusal(TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
