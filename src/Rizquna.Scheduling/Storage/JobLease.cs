namespace Rizquna.Scheduling.Storage;

/// <summary>
/// A worker's claim on one job occurrence, valid until <see cref="ExpiresAt"/>. The <see cref="Token"/> fences a stale
/// holder: a completion with an old token records the run but no longer moves the job.
/// </summary>
public sealed class JobLease
{
    /// <summary>Creates a lease.</summary>
    public JobLease(string jobName, string? account, DateTimeOffset occurrenceAt, DateTimeOffset dueAt, int attempt, string owner, long token, DateTimeOffset expiresAt)
    {
        JobName = jobName;
        Account = account;
        OccurrenceAt = occurrenceAt;
        DueAt = dueAt;
        Attempt = attempt;
        Owner = owner;
        Token = token;
        ExpiresAt = expiresAt;
    }

    /// <summary>The job.</summary>
    public string JobName { get; }

    /// <summary>The job's account (<c>platform/key</c>), when any.</summary>
    public string? Account { get; }

    /// <summary>The occurrence being run.</summary>
    public DateTimeOffset OccurrenceAt { get; }

    /// <summary>When it was due (later than the occurrence for retries).</summary>
    public DateTimeOffset DueAt { get; }

    /// <summary>The attempt this run makes.</summary>
    public int Attempt { get; }

    /// <summary>The worker holding it.</summary>
    public string Owner { get; }

    /// <summary>Increases with every claim of the job.</summary>
    public long Token { get; }

    /// <summary>When the claim lapses.</summary>
    public DateTimeOffset ExpiresAt { get; }
}
