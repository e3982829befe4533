namespace Rizquna.Scheduling.Lanes.Inbox;

/// <summary>A process-local <see cref="IInboxStore"/> for tests and demos; lost on restart.</summary>
public sealed class InMemoryInboxStore : IInboxStore
{
    private readonly object _gate = new();
    private readonly List<StoredInboxItem> _items = [];
    private readonly Dictionary<(string Account, string ItemId), int> _index = [];
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    public InMemoryInboxStore(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public async Task<bool> AddAsync(InboxItem item, CancellationToken cancellationToken = default) =>
        await AddRangeAsync([item], cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc />
    public Task<int> AddRangeAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var now = _time.GetUtcNow();
        var added = 0;
        lock (_gate)
        {
            foreach (var item in items)
            {
                ArgumentNullException.ThrowIfNull(item);
                var key = (item.Account.ToString(), item.Id);
                if (_index.ContainsKey(key))
                {
                    continue;
                }

                _index[key] = _items.Count;
                _items.Add(new StoredInboxItem { Id = _items.Count + 1, Item = item, ReceivedAt = now, State = InboxRecordState.New, UpdatedAt = now });
                added++;
            }
        }

        return Task.FromResult(added);
    }

    /// <inheritdoc />
    public Task<StoredInboxItem?> GetAsync(string account, string itemId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_index.TryGetValue((account, itemId), out var i) ? _items[i] : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredInboxItem>> ListActionableAsync(string account, int max, CancellationToken cancellationToken = default)
    {
        var list = new List<StoredInboxItem>();
        lock (_gate)
        {
            foreach (var stored in _items)
            {
                if (list.Count >= max)
                {
                    break;
                }

                if (stored.State is InboxRecordState.New or InboxRecordState.AwaitingApproval && stored.Item.Account.ToString() == account)
                {
                    list.Add(stored);
                }
            }
        }

        return Task.FromResult<IReadOnlyList<StoredInboxItem>>(list);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredInboxItem>> ListAsync(string? account, InboxRecordState? state, long? beforeId, int limit, CancellationToken cancellationToken = default)
    {
        var list = new List<StoredInboxItem>();
        lock (_gate)
        {
            for (var i = _items.Count - 1; i >= 0 && list.Count < limit; i--)
            {
                var stored = _items[i];
                if ((beforeId is null || stored.Id < beforeId) && (account is null || stored.Item.Account.ToString() == account) && (state is null || stored.State == state))
                {
                    list.Add(stored);
                }
            }
        }

        return Task.FromResult<IReadOnlyList<StoredInboxItem>>(list);
    }

    /// <inheritdoc />
    public Task<bool> TryBeginReplyAsync(string account, string itemId, string replyText, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_index.TryGetValue((account, itemId), out var i) || _items[i].State is not (InboxRecordState.New or InboxRecordState.AwaitingApproval))
            {
                return Task.FromResult(false);
            }

            _items[i] = _items[i] with { State = InboxRecordState.Replying, ReplyText = replyText, UpdatedAt = _time.GetUtcNow() };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task SetStateAsync(string account, string itemId, InboxRecordState state, string? note = null, string? replyId = null, string? replyText = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_index.TryGetValue((account, itemId), out var i))
            {
                var stored = _items[i];
                _items[i] = stored with
                {
                    State = state,
                    Note = note,
                    ReplyId = replyId ?? stored.ReplyId,
                    ReplyText = replyText ?? stored.ReplyText,
                    UpdatedAt = _time.GetUtcNow(),
                };
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> CountRepliesToAsync(string account, string authorId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var count = 0;
        lock (_gate)
        {
            foreach (var stored in _items)
            {
                if (stored.State is InboxRecordState.Replied or InboxRecordState.Replying && stored.UpdatedAt >= since
                    && stored.Item.From?.Id == authorId && stored.Item.Account.ToString() == account)
                {
                    count++;
                }
            }
        }

        return Task.FromResult(count);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<InboxStats>> GetStatsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var stats = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var stored in _items)
            {
                var account = stored.Item.Account.ToString();
                var received = stored.ReceivedAt >= from && stored.ReceivedAt < to;
                var changed = stored.UpdatedAt >= from && stored.UpdatedAt < to;
                var counts = InboxStatsCounter.Count(stored.Item.Kind, stored.State, received, changed);
                if (counts is null)
                {
                    continue;
                }

                if (!stats.TryGetValue(account, out var totals))
                {
                    stats[account] = totals = new int[5];
                }

                for (var i = 0; i < totals.Length; i++)
                {
                    totals[i] += counts[i];
                }
            }
        }

        return Task.FromResult<IReadOnlyList<InboxStats>>(stats.Select(static s => new InboxStats(s.Key, s.Value[0], s.Value[1], s.Value[2], s.Value[3], s.Value[4])).ToList());
    }
}

/// <summary>The one rule for which stored item counts where in <see cref="InboxStats"/>.</summary>
internal static class InboxStatsCounter
{
    /// <summary>[received, orders, replied, awaiting approval, failed] for one item, or null when it counts nowhere.</summary>
    public static int[]? Count(InboxItemKind kind, InboxRecordState state, bool receivedInPeriod, bool changedInPeriod)
    {
        var counts = new int[5];
        if (receivedInPeriod)
        {
            counts[0] = 1;
            counts[1] = kind == InboxItemKind.Order ? 1 : 0;
        }

        if (changedInPeriod)
        {
            counts[2] = state == InboxRecordState.Replied ? 1 : 0;
            counts[4] = state == InboxRecordState.Failed ? 1 : 0;
        }

        counts[3] = state == InboxRecordState.AwaitingApproval ? 1 : 0;
        return counts.AsSpan().ContainsAnyExcept(0) ? counts : null;
    }
}
