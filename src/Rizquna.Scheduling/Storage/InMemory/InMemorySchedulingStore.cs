using Rizquna.Scheduling.Approvals;
using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Policies;
using Rizquna.Scheduling.Runs;

namespace Rizquna.Scheduling.Storage.InMemory;

/// <summary>
/// All kernel stores in process memory, for tests and demos: nothing survives the process. One lock guards all state;
/// claims use a due-time heap, so finding due work does not scan every job. Runs and audit events are capped at
/// <see cref="StorageOptions.InMemoryMaxRecords"/> each (oldest dropped).
/// </summary>
public sealed partial class InMemorySchedulingStore : IPlanStore, IJobStore, IAuditLog, IApprovalStore, ICursorStore, IAccountHealthStore
{
    private readonly object _gate = new();
    private readonly int _maxRecords;

    /// <summary>Creates an empty store.</summary>
    /// <param name="maxRecords">Runs and audit events kept, each (oldest dropped).</param>
    public InMemorySchedulingStore(int maxRecords = 1_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        _maxRecords = maxRecords;
    }

    private static Task<T> Done<T>(T value) => Task.FromResult(value);
}
