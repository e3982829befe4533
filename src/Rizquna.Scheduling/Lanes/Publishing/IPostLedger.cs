namespace Rizquna.Scheduling.Lanes.Publishing;

/// <summary>
/// Lane B's durable record of what was published: the intent is saved before the platform is called and the result
/// after, so a crash in between is reconciled instead of posting twice. Every write is durable when it returns.
/// </summary>
public interface IPostLedger
{
    /// <summary>The entry for an account's item, or null.</summary>
    Task<PostLedgerEntry?> GetAsync(string account, string itemId, CancellationToken cancellationToken = default);

    /// <summary>Every entry of an account.</summary>
    Task<IReadOnlyList<PostLedgerEntry>> ListAsync(string account, CancellationToken cancellationToken = default);

    /// <summary>Saves (inserts or replaces) an entry.</summary>
    Task SaveAsync(PostLedgerEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Entries that changed in [<paramref name="from"/>, <paramref name="to"/>), for reports.</summary>
    Task<IReadOnlyList<PostLedgerEntry>> ListChangedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
