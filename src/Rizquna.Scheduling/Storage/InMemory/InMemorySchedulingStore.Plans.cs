using Rizquna.Scheduling.Plans;

namespace Rizquna.Scheduling.Storage.InMemory;

public sealed partial class InMemorySchedulingStore
{
    private readonly List<Plan> _plans = [];

    /// <inheritdoc />
    public Task<Plan?> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Done(_plans.Count == 0 ? null : _plans[^1]);
        }
    }

    /// <inheritdoc />
    public Task<Plan?> GetAsync(int version, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Done(version >= 1 && version <= _plans.Count ? _plans[version - 1] : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PlanVersionInfo>> ListVersionsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var list = new List<PlanVersionInfo>(_plans.Count);
            foreach (var p in _plans)
            {
                list.Add(new PlanVersionInfo(p.Version, p.CreatedAt, p.CreatedBy, p.Origin, p.Jobs.Count, p.Fingerprint));
            }

            return Done<IReadOnlyList<PlanVersionInfo>>(list);
        }
    }

    /// <inheritdoc />
    public Task<bool> TryAppendAsync(Plan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        lock (_gate)
        {
            if (plan.Version != _plans.Count + 1)
            {
                return Done(false);
            }

            _plans.Add(plan);
            return Done(true);
        }
    }
}
