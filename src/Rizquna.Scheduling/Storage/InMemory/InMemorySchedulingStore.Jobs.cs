using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Runs;

namespace Rizquna.Scheduling.Storage.InMemory;

public sealed partial class InMemorySchedulingStore
{
    private readonly Dictionary<string, JobEntry> _jobs = new(StringComparer.Ordinal);

    // Entries carry the job's stamp when queued; a changed job gets a new stamp and a new entry, the old one is
    // skipped when it surfaces. Priority: the due time, or the lease expiry while leased.
    private readonly PriorityQueue<(JobEntry Job, long Stamp), long> _heap = new();
    private readonly RecordLog<RunRecord> _runs = new();

    /// <inheritdoc />
    public Task SyncAsync(int planVersion, IReadOnlyList<JobSeed> jobs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        lock (_gate)
        {
            var keep = new HashSet<string>(StringComparer.Ordinal);
            foreach (var seed in jobs)
            {
                keep.Add(seed.Name);
                if (_jobs.TryGetValue(seed.Name, out var entry))
                {
                    entry.PlanVersion = planVersion;
                    entry.Account = seed.Account;
                    if (seed.TriggerChanged)
                    {
                        entry.Due = entry.Occurrence = seed.FirstDueAt?.UtcTicks;
                        entry.Attempt = 1;
                        Requeue(entry);
                    }
                }
                else
                {
                    entry = new JobEntry(seed.Name)
                    {
                        Account = seed.Account,
                        Enabled = true,
                        Due = seed.FirstDueAt?.UtcTicks,
                        Occurrence = seed.FirstDueAt?.UtcTicks,
                        Attempt = 1,
                        PlanVersion = planVersion,
                    };
                    _jobs.Add(seed.Name, entry);
                    Requeue(entry);
                }
            }

            if (keep.Count != _jobs.Count)
            {
                var remove = new List<string>();
                foreach (var name in _jobs.Keys)
                {
                    if (!keep.Contains(name))
                    {
                        remove.Add(name);
                    }
                }

                foreach (var name in remove)
                {
                    _jobs.Remove(name, out var gone);
                    gone!.Stamp++;
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JobLease>> ClaimDueAsync(DateTimeOffset now, int max, string owner, TimeSpan leaseDuration, IReadOnlyCollection<string>? exclude = null, CancellationToken cancellationToken = default)
    {
        var result = new List<JobLease>(Math.Min(max, 64));
        ClaimDue(now, max, owner, leaseDuration, exclude, result);
        return Task.FromResult<IReadOnlyList<JobLease>>(result);
    }

    /// <summary>The claim without the task wrapper, filling <paramref name="into"/> (the engine's hot path).</summary>
    internal void ClaimDue(DateTimeOffset now, int max, string owner, TimeSpan leaseDuration, IReadOnlyCollection<string>? exclude, List<JobLease> into)
    {
        var nowTicks = now.UtcTicks;
        var expires = nowTicks + leaseDuration.Ticks;
        List<JobEntry>? skipped = null;
        lock (_gate)
        {
            var claimed = 0;
            while (claimed < max && _heap.TryPeek(out var item, out var priority) && priority <= nowTicks)
            {
                _heap.Dequeue();
                var job = item.Job;
                if (item.Stamp != job.Stamp || !job.Enabled || job.Due is not { } due || due > nowTicks
                    || (job.LeaseExpires is { } held && held > nowTicks))
                {
                    continue;
                }

                if (exclude is not null && exclude.Contains(job.Name))
                {
                    (skipped ??= []).Add(job);
                    continue;
                }

                job.Token++;
                job.LeaseOwner = owner;
                job.LeaseExpires = expires;
                job.Stamp++;
                _heap.Enqueue((job, job.Stamp), expires);
                into.Add(new JobLease(job.Name, job.Account, new DateTimeOffset(job.Occurrence ?? due, TimeSpan.Zero), new DateTimeOffset(due, TimeSpan.Zero), job.Attempt, owner, job.Token, new DateTimeOffset(expires, TimeSpan.Zero)));
                claimed++;
            }

            if (skipped is not null)
            {
                foreach (var job in skipped)
                {
                    _heap.Enqueue((job, job.Stamp), job.Due!.Value);
                }
            }
        }
    }

    /// <inheritdoc />
    public Task CompleteAsync(IReadOnlyList<JobCompletion> completions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completions);
        lock (_gate)
        {
            for (var i = 0; i < completions.Count; i++)
            {
                CompleteLocked(completions[i]);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The engine's batch without building <see cref="JobCompletion"/>s (its hot path).</summary>
    internal void Complete(ReadOnlySpan<BatchedCompletion> completions)
    {
        lock (_gate)
        {
            foreach (ref readonly var c in completions)
            {
                CompleteLocked(c.Lease, c.Run, c.Events, c.NextDueAt, c.NextOccurrenceAt, c.NextAttempt);
            }
        }
    }

    private void CompleteLocked(JobCompletion c) => CompleteLocked(c.Lease, c.Run, c.Events, c.NextDueAt, c.NextOccurrenceAt, c.NextAttempt);

    // events null: the run's started and succeeded events, derived from its record.
    private void CompleteLocked(JobLease lease, RunRecord? run, IReadOnlyList<AuditEvent>? events, DateTimeOffset? nextDueAt, DateTimeOffset? nextOccurrenceAt, int nextAttempt)
    {
        if (run is not null)
        {
            _runs.Add(run, _maxRecords);
        }

        if (events is null)
        {
            AddRunEventsLocked(run!);
        }
        else
        {
            AddEventsLocked(events);
        }

        if (_jobs.TryGetValue(lease.JobName, out var job) && job.Token == lease.Token && job.LeaseOwner is not null)
        {
            job.Due = nextDueAt?.UtcTicks;
            job.Occurrence = nextOccurrenceAt?.UtcTicks;
            job.Attempt = nextAttempt;
            job.LeaseOwner = null;
            job.LeaseExpires = null;
            Requeue(job);
        }
    }

    /// <inheritdoc />
    public Task ReleaseAsync(IReadOnlyList<JobLease> leases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leases);
        lock (_gate)
        {
            foreach (var lease in leases)
            {
                if (_jobs.TryGetValue(lease.JobName, out var job) && job.Token == lease.Token && job.LeaseOwner is not null)
                {
                    job.LeaseOwner = null;
                    job.LeaseExpires = null;
                    Requeue(job);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            while (_heap.TryPeek(out var item, out var priority))
            {
                if (item.Stamp == item.Job.Stamp && item.Job.Enabled)
                {
                    return Done<DateTimeOffset?>(new DateTimeOffset(priority, TimeSpan.Zero));
                }

                _heap.Dequeue();
            }

            return Done<DateTimeOffset?>(null);
        }
    }

    /// <inheritdoc />
    public Task<JobState?> GetAsync(string jobName, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Done(_jobs.TryGetValue(jobName, out var job) ? job.ToState() : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JobState>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var list = new List<JobState>(_jobs.Count);
            foreach (var job in _jobs.Values)
            {
                list.Add(job.ToState());
            }

            list.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            return Done<IReadOnlyList<JobState>>(list);
        }
    }

    /// <inheritdoc />
    public Task<bool> SetEnabledAsync(string jobName, bool enabled, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_jobs.TryGetValue(jobName, out var job) || job.Enabled == enabled)
            {
                return Done(false);
            }

            job.Enabled = enabled;
            Requeue(job);
            return Done(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> WakeAsync(string jobName, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_jobs.TryGetValue(jobName, out var job) || job.Due is not { } due || due <= now.UtcTicks)
            {
                return Done(false);
            }

            job.Due = now.UtcTicks;
            Requeue(job);
            return Done(true);
        }
    }

    /// <inheritdoc />
    public Task DeferAccountAsync(string account, DateTimeOffset notBefore, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var job in _jobs.Values)
            {
                if (job.Account == account && job.Due is { } due && due < notBefore.UtcTicks)
                {
                    job.Due = notBefore.UtcTicks;
                    Requeue(job);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Page<RunRecord>> QueryRunsAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, 10_000);
        lock (_gate)
        {
            return Done(_runs.Query(query.AfterId, limit, query, static (q, r) =>
                (q.JobName is null || q.JobName == r.JobName)
                && (q.Account is null || q.Account == r.Account)
                && (q.Outcome is null || q.Outcome == r.Outcome)
                && (q.From is null || r.StartedAt >= q.From)
                && (q.To is null || r.StartedAt < q.To),
                static (r, id) => r.Id == id ? r : r with { Id = id }));
        }
    }

    private void Requeue(JobEntry job)
    {
        job.Stamp++;
        if (!job.Enabled)
        {
            return;
        }

        if (job.LeaseExpires is { } expires)
        {
            _heap.Enqueue((job, job.Stamp), expires);
        }
        else if (job.Due is { } due)
        {
            _heap.Enqueue((job, job.Stamp), due);
        }
    }

    private sealed class JobEntry(string name)
    {
        public string Name { get; } = name;
        public string? Account { get; set; }
        public bool Enabled { get; set; }
        public long? Due { get; set; }
        public long? Occurrence { get; set; }
        public int Attempt { get; set; } = 1;
        public string? LeaseOwner { get; set; }
        public long? LeaseExpires { get; set; }
        public long Token { get; set; }
        public int PlanVersion { get; set; }
        public long Stamp { get; set; }

        public JobState ToState() => new()
        {
            Name = Name,
            Account = Account,
            Enabled = Enabled,
            DueAt = Due is { } d ? new DateTimeOffset(d, TimeSpan.Zero) : null,
            OccurrenceAt = Occurrence is { } o ? new DateTimeOffset(o, TimeSpan.Zero) : null,
            Attempt = Attempt,
            LeaseOwner = LeaseOwner,
            LeaseExpiresAt = LeaseExpires is { } l ? new DateTimeOffset(l, TimeSpan.Zero) : null,
            PlanVersion = PlanVersion,
        };
    }
}
