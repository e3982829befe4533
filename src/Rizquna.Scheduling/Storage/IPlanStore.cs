using Rizquna.Scheduling.Plans;

namespace Rizquna.Scheduling.Storage;

/// <summary>Keeps every plan version; the highest is current.</summary>
public interface IPlanStore
{
    /// <summary>The current (highest) version, or null before the first plan.</summary>
    Task<Plan?> GetCurrentAsync(CancellationToken cancellationToken = default);

    /// <summary>One version, or null.</summary>
    Task<Plan?> GetAsync(int version, CancellationToken cancellationToken = default);

    /// <summary>All versions' numbers, creation times and origins (jobs not loaded), ascending.</summary>
    Task<IReadOnlyList<PlanVersionInfo>> ListVersionsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends <paramref name="plan"/> if its version is exactly current + 1; returns false (and stores nothing) when
    /// another writer got there first.
    /// </summary>
    Task<bool> TryAppendAsync(Plan plan, CancellationToken cancellationToken = default);
}
