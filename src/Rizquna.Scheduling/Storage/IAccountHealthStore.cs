using Rizquna.Scheduling.Policies;

namespace Rizquna.Scheduling.Storage;

/// <summary>Keeps each account's failure streak and cooldown.</summary>
public interface IAccountHealthStore
{
    /// <summary>The account's health, or null when it never failed.</summary>
    Task<AccountHealth?> GetAsync(string account, CancellationToken cancellationToken = default);

    /// <summary>All accounts with a failure streak, a cooldown or a pause.</summary>
    Task<IReadOnlyList<AccountHealth>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores (replaces) the account's health durably.</summary>
    Task SetAsync(AccountHealth health, CancellationToken cancellationToken = default);
}
