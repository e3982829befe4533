using Rizquna.Scheduling.Policies;

namespace Rizquna.Scheduling.Storage.InMemory;

public sealed partial class InMemorySchedulingStore
{
    private readonly Dictionary<string, InboxCursor> _cursors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccountHealth> _health = new(StringComparer.Ordinal);

    /// <inheritdoc />
    Task<InboxCursor?> ICursorStore.GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return Done(_cursors.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc />
    public Task SetAsync(string key, InboxCursor cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(cursor);
        lock (_gate)
        {
            _cursors[key] = cursor;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    Task<AccountHealth?> IAccountHealthStore.GetAsync(string account, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Done(_health.GetValueOrDefault(account));
        }
    }

    /// <inheritdoc />
    Task<IReadOnlyList<AccountHealth>> IAccountHealthStore.ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var list = new List<AccountHealth>(_health.Values);
            list.Sort(static (a, b) => string.CompareOrdinal(a.Account, b.Account));
            return Done<IReadOnlyList<AccountHealth>>(list);
        }
    }

    /// <inheritdoc />
    public Task SetAsync(AccountHealth health, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(health);
        lock (_gate)
        {
            _health[health.Account] = health;
        }

        return Task.CompletedTask;
    }
}
