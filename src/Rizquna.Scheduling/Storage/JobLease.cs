namespace Rizquna.Scheduling.Storage;

/// <summary>
/// A worker's claim on one job occurrence, valid until <see cref="ExpiresAt"/>. The <see cref="Token"/> fences a stale
/// holder: a completion with an old token records the run but no longer moves the job.
/// </summary>
public sealed class JobLease
{
    /// <summary>Creates a lease.</summary>
    public JobLease(string jobName, string? account, DateTimeOffset occurrenceAt, DateTimeOffset dueAt, int attempt, string owner, long token, DateTimeOffset expiresAt) =>
        Reuse(jobName, account, occurrenceAt, dueAt, attempt, owner, token, expiresAt);

    /// <summary>The job.</summary>
    public string JobName { get; private set; }

    /// <summary>The job's account (<c>platform/key</c>), when any.</summary>
    public string? Account { get; private set; }

    /// <summary>The occurrence being run.</summary>
    public DateTimeOffset OccurrenceAt { get; private set; }

    /// <summary>When it was due (later than the occurrence for retries).</summary>
    public DateTimeOffset DueAt { get; private set; }

    /// <summary>The attempt this run makes.</summary>
    public int Attempt { get; private set; }

    /// <summary>The worker holding it.</summary>
    public string Owner { get; private set; }

    /// <summary>Increases with every claim of the job.</summary>
    public long Token { get; private set; }

    /// <summary>When the claim lapses.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>
    /// Re-initialises a lease the engine recycles on its in-memory fast path (see <c>SchedulerEngine.CompleteBatchAsync</c>):
    /// only a lease whose run is completed and that nothing else holds — never one a slow-path run or a caller of
    /// <see cref="IJobStore.ClaimDueAsync"/> has seen. Saves an object per run; to everyone else a lease is immutable.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(JobName), nameof(Owner))]
    internal JobLease Reuse(string jobName, string? account, DateTimeOffset occurrenceAt, DateTimeOffset dueAt, int attempt, string owner, long token, DateTimeOffset expiresAt)
    {
        JobName = jobName;
        Account = account;
        OccurrenceAt = occurrenceAt;
        DueAt = dueAt;
        Attempt = attempt;
        Owner = owner;
        Token = token;
        ExpiresAt = expiresAt;
        return this;
    }
}
