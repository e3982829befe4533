namespace Rizquna.Scheduling.Storage;

/// <summary>
/// Durable positions (e.g. inbox cursors), by key. Lane A uses <c>&lt;platform&gt;/&lt;account&gt;[:stream]</c> keys.
/// Write a cursor only after the items before it are stored: a crash then re-reads, never skips.
/// </summary>
public interface ICursorStore
{
    /// <summary>The cursor stored under <paramref name="key"/>, or null.</summary>
    Task<InboxCursor?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores (replaces) the cursor under <paramref name="key"/> durably.</summary>
    Task SetAsync(string key, InboxCursor cursor, CancellationToken cancellationToken = default);
}
