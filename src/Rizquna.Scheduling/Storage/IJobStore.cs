using Rizquna.Scheduling.Runs;

namespace Rizquna.Scheduling.Storage;

/// <summary>The runs-and-leases store: job states, atomic claims with expiring leases, and the run records.</summary>
public interface IJobStore
{
    /// <summary>
    /// Aligns job states with a plan version: adds new jobs, resets the due time of jobs whose trigger changed,
    /// deletes jobs no longer in the plan; keeps enabled flags and the state of unchanged jobs.
    /// </summary>
    Task SyncAsync(int planVersion, IReadOnlyList<JobSeed> jobs, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically claims up to <paramref name="max"/> enabled jobs due at <paramref name="now"/> whose lease is free
    /// or expired, earliest due first, skipping the names in <paramref name="exclude"/> (held locally).
    /// </summary>
    Task<IReadOnlyList<JobLease>> ClaimDueAsync(DateTimeOffset now, int max, string owner, TimeSpan leaseDuration, IReadOnlyCollection<string>? exclude = null, CancellationToken cancellationToken = default);

    /// <summary>Records the completions and moves the jobs on (fenced by lease token), in one durable transaction.</summary>
    Task CompleteAsync(IReadOnlyList<JobCompletion> completions, CancellationToken cancellationToken = default);

    /// <summary>Gives leases back without a run (shutdown): the jobs are due again at once.</summary>
    Task ReleaseAsync(IReadOnlyList<JobLease> leases, CancellationToken cancellationToken = default);

    /// <summary>The earliest time any enabled job is due or any lease expires; null when nothing is scheduled.</summary>
    Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken = default);

    /// <summary>One job's state, or null.</summary>
    Task<JobState?> GetAsync(string jobName, CancellationToken cancellationToken = default);

    /// <summary>All job states, by name.</summary>
    Task<IReadOnlyList<JobState>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Enables or disables a job; false when the job does not exist or already had that flag.</summary>
    Task<bool> SetEnabledAsync(string jobName, bool enabled, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes a job due at <paramref name="now"/> for its pending occurrence and attempt, if it is due later (an approval
    /// was decided); false when the job does not exist or is already due.
    /// </summary>
    Task<bool> WakeAsync(string jobName, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Moves the due time of every job of an account to no earlier than <paramref name="notBefore"/> (cooldown).</summary>
    Task DeferAccountAsync(string account, DateTimeOffset notBefore, CancellationToken cancellationToken = default);

    /// <summary>One page of recorded runs.</summary>
    Task<Page<RunRecord>> QueryRunsAsync(RunQuery query, CancellationToken cancellationToken = default);
}
