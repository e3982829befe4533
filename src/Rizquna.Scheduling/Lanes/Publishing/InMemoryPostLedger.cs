namespace Rizquna.Scheduling.Lanes.Publishing;

/// <summary>A process-local <see cref="IPostLedger"/> for tests and demos.</summary>
public sealed class InMemoryPostLedger : IPostLedger
{
    private readonly object _gate = new();
    private readonly Dictionary<(string, string), PostLedgerEntry> _entries = [];

    /// <inheritdoc />
    public Task<PostLedgerEntry?> GetAsync(string account, string itemId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_entries.GetValueOrDefault((account, itemId)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PostLedgerEntry>> ListAsync(string account, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<PostLedgerEntry>>(_entries.Values.Where(e => e.Account == account).ToList());
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(PostLedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            _entries[(entry.Account, entry.ItemId)] = entry;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PostLedgerEntry>> ListChangedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<PostLedgerEntry>>(_entries.Values.Where(e => e.UpdatedAt >= from && e.UpdatedAt < to).OrderBy(e => e.UpdatedAt).ToList());
        }
    }
}
