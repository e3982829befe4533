namespace Rizquna.Scheduling.Storage.InMemory;

/// <summary>
/// An append-only list whose ids are positions (1-based, counting dropped ones), capped by dropping the oldest half
/// when full. Not thread-safe: the store's lock guards it.
/// </summary>
internal sealed class RecordLog<T>
{
    private readonly List<T> _items = [];
    private long _dropped;

    public long LastId => _dropped + _items.Count;

    public long Add(T item, int max)
    {
        if (_items.Count >= max)
        {
            var drop = Math.Max(1, _items.Count / 2);
            _items.RemoveRange(0, drop);
            _dropped += drop;
        }

        _items.Add(item);
        return LastId;
    }

    public Page<TOut> Query<TState, TOut>(long afterId, int limit, TState state, Func<TState, T, bool> match, Func<T, long, TOut> withId)
    {
        var start = (int)Math.Max(0, afterId - _dropped);
        var page = new List<TOut>(Math.Min(limit, 64));
        long lastId = 0;
        for (var i = start; i < _items.Count; i++)
        {
            var item = _items[i];
            if (!match(state, item))
            {
                continue;
            }

            lastId = _dropped + i + 1;
            page.Add(withId(item, lastId));
            if (page.Count == limit)
            {
                return new Page<TOut>(page, lastId);
            }
        }

        return new Page<TOut>(page, null);
    }
}
