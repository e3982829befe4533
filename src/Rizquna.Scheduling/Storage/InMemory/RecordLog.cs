namespace Rizquna.Scheduling.Storage.InMemory;

/// <summary>
/// An append-only list whose ids are positions (1-based, counting dropped ones), capped by dropping the oldest half
/// when full. Not thread-safe: the store's lock guards it.
/// </summary>
/// <remarks>
/// Held in fixed-size chunks rather than one growing list: appending never copies what is already stored (a list of
/// a million records copies and re-allocates its array as it doubles), and dropping the oldest half recycles whole
/// chunks instead of moving the newer half down.
/// </remarks>
internal sealed class RecordLog<T>
{
    private const int ChunkSize = 4096;
    private readonly List<T[]> _chunks = [];
    private readonly Stack<T[]> _spare = new(); // dropped chunks, cleared, reused by the next appends
    private int _head; // the first live item's position in _chunks[0]
    private int _count;
    private long _dropped;

    public long LastId => _dropped + _count;

    public int Count => _count;

    public long Add(T item, int max)
    {
        if (_count >= max)
        {
            Drop(Math.Max(1, _count / 2));
        }

        var end = _head + _count;
        if (end == _chunks.Count * ChunkSize)
        {
            _chunks.Add(_spare.TryPop(out var chunk) ? chunk : new T[ChunkSize]);
        }

        _chunks[end / ChunkSize][end % ChunkSize] = item;
        _count++;
        return LastId;
    }

    public Page<TOut> Query<TState, TOut>(long afterId, int limit, TState state, Func<TState, T, bool> match, Func<T, long, TOut> withId)
    {
        var start = (int)Math.Max(0, afterId - _dropped);
        var page = new List<TOut>(Math.Min(limit, 64));
        long lastId = 0;
        for (var i = start; i < _count; i++)
        {
            var item = this[i];
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

    /// <summary>The live item at 0-based <paramref name="index"/> (id − dropped − 1).</summary>
    public T this[int index]
    {
        get
        {
            var at = _head + index;
            return _chunks[at / ChunkSize][at % ChunkSize];
        }
    }

    private void Drop(int count)
    {
        _dropped += count;
        _count -= count;
        var head = _head + count;
        var whole = head / ChunkSize;
        for (var i = 0; i < whole; i++)
        {
            Array.Clear(_chunks[i]);
            _spare.Push(_chunks[i]);
        }

        _chunks.RemoveRange(0, whole);
        _head = head % ChunkSize;

        // The dropped part of the first remaining chunk: cleared so its records can be collected.
        if (_chunks.Count > 0)
        {
            Array.Clear(_chunks[0], 0, _head);
        }
    }
}
