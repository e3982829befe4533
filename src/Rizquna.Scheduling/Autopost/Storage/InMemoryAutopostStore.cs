namespace Rizquna.Scheduling.Autopost.Storage;

/// <summary>A process-local <see cref="IAutopostStore"/> for tests, samples and single-process hosts; lost on restart.</summary>
public sealed class InMemoryAutopostStore : IAutopostStore
{
    private readonly object _gate = new();
    private readonly List<Entry> _entries = []; // index = id - 1
    private readonly Dictionary<(string Channel, string Key), List<(long ItemId, DateTimeOffset PostedAt)>> _posted = [];
    private readonly SortedSet<(long DueTicks, long Id)> _due = [];
    private readonly Dictionary<string, (string RequestHash, long ItemId, DateTimeOffset RecordedAt)> _keys = new(StringComparer.Ordinal);
    private long _nextToken;

    /// <inheritdoc />
    public Task<AutopostItem> InsertAsync(AutopostItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            return Task.FromResult(Insert(item));
        }
    }

    private AutopostItem Insert(AutopostItem item)
    {
        var stored = item with { Id = _entries.Count + 1 };
        var entry = new Entry(stored);
        _entries.Add(entry);
        AutopostTransitions.Summarize(stored.Channels, stored.PublishAt, out var dueAt);
        SetDue(entry, dueAt);
        return stored;
    }

    /// <inheritdoc />
    public Task<AutopostEnqueueResult> InsertAsync(AutopostItem item, AutopostIdempotency idempotency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(idempotency);
        lock (_gate)
        {
            if (Recorded(idempotency) is { } existing)
            {
                return Task.FromResult(existing);
            }

            var stored = Insert(item);
            _keys[idempotency.Key] = (idempotency.RequestHash, stored.Id, stored.CreatedAt);
            return Task.FromResult(new AutopostEnqueueResult(AutopostEnqueueOutcome.Created, stored));
        }
    }

    /// <inheritdoc />
    public Task<AutopostEnqueueResult?> FindByIdempotencyKeyAsync(AutopostIdempotency idempotency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotency);
        lock (_gate)
        {
            return Task.FromResult(Recorded(idempotency));
        }
    }

    /// <inheritdoc />
    public Task<int> PruneIdempotencyKeysAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var expired = _keys.Where(k => k.Value.RecordedAt < recordedBefore).Select(k => k.Key).ToList();
            foreach (var key in expired)
            {
                _keys.Remove(key);
            }

            return Task.FromResult(expired.Count);
        }
    }

    private AutopostEnqueueResult? Recorded(AutopostIdempotency idempotency) =>
        _keys.TryGetValue(idempotency.Key, out var recorded)
            ? new AutopostEnqueueResult(
                string.Equals(recorded.RequestHash, idempotency.RequestHash, StringComparison.Ordinal) ? AutopostEnqueueOutcome.Replayed : AutopostEnqueueOutcome.KeyReused,
                _entries[(int)(recorded.ItemId - 1)].Item)
            : null;

    /// <inheritdoc />
    public Task<AutopostItem?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(Find(id)?.Item);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AutopostItem>> ListAsync(AutopostQuery query, long? beforeId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = new List<AutopostItem>(Math.Min(limit, 64));
        lock (_gate)
        {
            var start = beforeId is { } before ? (int)Math.Min(before - 1, _entries.Count) : _entries.Count;
            for (var i = start - 1; i >= 0 && page.Count < limit; i--)
            {
                var item = _entries[i].Item;
                if (Matches(item, query))
                {
                    page.Add(item);
                }
            }
        }

        return Task.FromResult<IReadOnlyList<AutopostItem>>(page);
    }

    /// <inheritdoc />
    public Task<AutopostCommandResult> CancelAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Apply(id, item => AutopostTransitions.Cancel(item, now));

    /// <inheritdoc />
    public Task<AutopostCommandResult> RetryNowAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Apply(id, item => AutopostTransitions.RetryNow(item, now));

    /// <inheritdoc />
    public Task<IReadOnlyList<AutopostClaim>> ClaimDueAsync(DateTimeOffset now, int max, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        var due = new List<Entry>();
        lock (_gate)
        {
            // The due index is ordered by (due time, id): take from the front while due.
            foreach (var (dueTicks, id) in _due)
            {
                if (dueTicks > now.UtcTicks || due.Count >= max)
                {
                    break;
                }

                due.Add(_entries[(int)(id - 1)]);
            }

            var claims = new List<AutopostClaim>(due.Count);
            foreach (var entry in due)
            {
                var before = entry.Item;
                var token = ++_nextToken;
                claims.Add(new AutopostClaim(before, token, now));
                entry.Token = token;
                SetDue(entry, leaseUntil);
                entry.Item = before with { Status = AutopostStatus.Posting, Channels = MarkStarted(before.Channels, now), UpdatedAt = now };
            }

            return Task.FromResult<IReadOnlyList<AutopostClaim>>(claims);
        }
    }

    /// <inheritdoc />
    public Task<int> CompleteAsync(IReadOnlyList<AutopostCompletion> completions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completions);
        var recorded = 0;
        lock (_gate)
        {
            foreach (var completion in completions)
            {
                var entry = Find(completion.Item.Id);
                if (entry is null || entry.Token != completion.ClaimToken || entry.Item.Status != AutopostStatus.Posting)
                {
                    continue;
                }

                var item = completion.Item;
                var status = AutopostTransitions.Summarize(item.Channels, item.PublishAt, out var dueAt);
                entry.Item = item with { Status = status };
                SetDue(entry, dueAt);
                entry.Token = 0;
                IndexPosts(entry.Item);
                recorded++;
            }
        }

        return Task.FromResult(recorded);
    }

    /// <inheritdoc />
    public Task<long?> FindRecentPostAsync(string channel, string dedupKey, DateTimeOffset since, long excludeItemId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_posted.TryGetValue((channel, dedupKey), out var posts))
            {
                for (var i = posts.Count - 1; i >= 0; i--)
                {
                    if (posts[i].PostedAt >= since && posts[i].ItemId != excludeItemId)
                    {
                        return Task.FromResult<long?>(posts[i].ItemId);
                    }
                }
            }

            return Task.FromResult<long?>(null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AutopostChannelRecord>> ListChannelOutcomesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var records = new List<AutopostChannelRecord>();
        lock (_gate)
        {
            foreach (var entry in _entries)
            {
                foreach (var channel in entry.Item.Channels)
                {
                    if (AutopostOutcomeTime(entry.Item, channel) is { } at && at >= from && at < to)
                    {
                        records.Add(new AutopostChannelRecord(entry.Item.Id, entry.Item.Title, channel, at));
                    }
                }
            }
        }

        return Task.FromResult<IReadOnlyList<AutopostChannelRecord>>(records);
    }

    /// <summary>When a channel's outcome happened: its post time, or the item's last update for failures and skips.</summary>
    internal static DateTimeOffset? AutopostOutcomeTime(AutopostItem item, AutopostChannelResult channel) => channel.Status switch
    {
        AutopostChannelStatus.Posted => channel.PostedAt ?? item.UpdatedAt,
        AutopostChannelStatus.Failed or AutopostChannelStatus.Skipped => item.UpdatedAt,
        _ => null,
    };

    internal static IReadOnlyList<AutopostChannelResult> MarkStarted(IReadOnlyList<AutopostChannelResult> channels, DateTimeOffset now)
    {
        var marked = new AutopostChannelResult[channels.Count];
        for (var i = 0; i < marked.Length; i++)
        {
            var channel = channels[i];
            marked[i] = channel.Status == AutopostChannelStatus.Pending && (channel.NextAttemptAt is null || channel.NextAttemptAt <= now)
                ? channel with { AttemptStartedAt = channel.AttemptStartedAt ?? now }
                : channel;
        }

        return marked;
    }

    private void IndexPosts(AutopostItem item)
    {
        if (item.DedupKey is null)
        {
            return;
        }

        foreach (var channel in item.Channels)
        {
            if (channel is { Status: AutopostChannelStatus.Posted, PostedAt: { } postedAt })
            {
                var key = (channel.Channel, item.DedupKey);
                if (!_posted.TryGetValue(key, out var list))
                {
                    _posted[key] = list = [];
                }

                if (!list.Exists(p => p.ItemId == item.Id))
                {
                    list.Add((item.Id, postedAt));
                }
            }
        }
    }

    private Task<AutopostCommandResult> Apply(long id, Func<AutopostItem, AutopostCommandResult> transition)
    {
        lock (_gate)
        {
            var entry = Find(id);
            if (entry is null)
            {
                return Task.FromResult(new AutopostCommandResult(AutopostCommandStatus.NotFound, null, $"No autopost item {id}."));
            }

            var result = transition(entry.Item);
            if (result.Status == AutopostCommandStatus.Done)
            {
                entry.Item = result.Item!;
                AutopostTransitions.Summarize(entry.Item.Channels, entry.Item.PublishAt, out var dueAt);
                SetDue(entry, entry.Item.Status == AutopostStatus.Cancelled ? null : dueAt);
            }

            return Task.FromResult(result);
        }
    }

    private void SetDue(Entry entry, DateTimeOffset? dueAt)
    {
        if (entry.DueAt is { } old)
        {
            _due.Remove((old.UtcTicks, entry.Item.Id));
        }

        entry.DueAt = dueAt;
        if (dueAt is { } at)
        {
            _due.Add((at.UtcTicks, entry.Item.Id));
        }
    }

    private Entry? Find(long id) => id >= 1 && id <= _entries.Count ? _entries[(int)(id - 1)] : null;

    private static bool Matches(AutopostItem item, AutopostQuery query)
    {
        if (query.Status is { } status && item.Status != status)
        {
            return false;
        }

        if (query.PublishFrom is { } from && item.PublishAt < from)
        {
            return false;
        }

        if (query.PublishTo is { } to && item.PublishAt >= to)
        {
            return false;
        }

        if (query.Channel is { } wanted)
        {
            foreach (var channel in item.Channels)
            {
                if (string.Equals(channel.Channel, wanted, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        return true;
    }

    private sealed class Entry(AutopostItem item)
    {
        public AutopostItem Item { get; set; } = item;

        public DateTimeOffset? DueAt { get; set; }

        public long Token { get; set; }
    }
}
