using System.Buffers;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Storage;
using Rizquna.Scheduling.Triggers;

namespace Rizquna.Scheduling.Plans;

/// <summary>
/// Versioned plans: one-click generation from settings, rollback, and enabling or disabling single jobs. Every change is
/// audit-logged and wakes the engine.
/// </summary>
/// <remarks>
/// Generation compares against the last <em>generated</em> version: after a rollback, generating again from unchanged
/// settings (e.g. at the next start) keeps the rolled-back plan; changed settings create a new version.
/// </remarks>
public sealed class PlanManager
{
    private readonly IPlanStore _plans;
    private readonly IJobStore _jobs;
    private readonly IAuditLog _audit;
    private readonly IOptionsMonitor<SchedulingOptions> _options;
    private readonly TimeProvider _time;
    private readonly SchedulerSignal _signal;
    private readonly SemaphoreSlim _writer = new(1, 1);

    internal PlanManager(IPlanStore plans, IJobStore jobs, IAuditLog audit, IOptionsMonitor<SchedulingOptions> options, TimeProvider time, SchedulerSignal signal)
    {
        _plans = plans;
        _jobs = jobs;
        _audit = audit;
        _options = options;
        _time = time;
        _signal = signal;
    }

    /// <summary>The current plan, or null before the first generation.</summary>
    public Task<Plan?> GetCurrentAsync(CancellationToken cancellationToken = default) => _plans.GetCurrentAsync(cancellationToken);

    /// <summary>All versions, ascending.</summary>
    public Task<IReadOnlyList<PlanVersionInfo>> ListVersionsAsync(CancellationToken cancellationToken = default) => _plans.ListVersionsAsync(cancellationToken);

    /// <summary>One version, or null.</summary>
    public Task<Plan?> GetVersionAsync(int version, CancellationToken cancellationToken = default) => _plans.GetAsync(version, cancellationToken);

    /// <summary>
    /// Generates the plan from the current settings. Same settings as the last generation: no new version
    /// (<see cref="PlanChange.Created"/> false). Changed: version N+1 with the difference reported and audit-logged.
    /// </summary>
    public async Task<PlanChange> GenerateAsync(string actor = "system", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var options = _options.CurrentValue;
        var errors = Hosting.SchedulingOptionsValidator.Check(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(SchedulingOptions), typeof(SchedulingOptions), errors);
        }

        var jobs = PlanGenerator.CreateJobs(options);
        var fingerprint = PlanGenerator.Fingerprint(options.TimeZone, jobs);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await _plans.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
            if (current is not null && await LastGeneratedFingerprintAsync(cancellationToken).ConfigureAwait(false) == fingerprint)
            {
                await SyncJobsAsync(current, null, cancellationToken).ConfigureAwait(false);
                return new PlanChange(current, false, PlanDiff.None);
            }

            var plan = new Plan
            {
                Version = (current?.Version ?? 0) + 1,
                CreatedAt = _time.GetUtcNow(),
                CreatedBy = actor,
                TimeZoneId = options.TimeZone,
                Jobs = jobs,
                Fingerprint = fingerprint,
                Origin = "generated",
            };
            var diff = Diff(current, plan);
            var type = current is null ? AuditEventTypes.PlanGenerated : AuditEventTypes.PlanVersioned;
            return await CommitAsync(current, plan, diff, type, actor, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Makes version <paramref name="version"/>'s jobs current again, as a new version; audit-logged.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such version.</exception>
    public async Task<PlanChange> RollbackAsync(int version, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var target = await _plans.GetAsync(version, cancellationToken).ConfigureAwait(false)
                ?? throw new ArgumentOutOfRangeException(nameof(version), version, $"Plan version {version} does not exist.");
            var current = await _plans.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
            var plan = target with
            {
                Version = (current?.Version ?? 0) + 1,
                CreatedAt = _time.GetUtcNow(),
                CreatedBy = actor,
                Origin = $"rollback:{version}",
            };
            return await CommitAsync(current, plan, Diff(current, plan), AuditEventTypes.PlanRolledBack, actor, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Enables or disables one job; audit-logged. False when the job does not exist or already had that state.</summary>
    public async Task<bool> SetJobEnabledAsync(string jobName, bool enabled, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobName);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (!await _jobs.SetEnabledAsync(jobName, enabled, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var state = await _jobs.GetAsync(jobName, cancellationToken).ConfigureAwait(false);
        await _audit.AppendAsync(new AuditEvent
        {
            At = _time.GetUtcNow(),
            Type = enabled ? AuditEventTypes.JobEnabled : AuditEventTypes.JobDisabled,
            Actor = actor,
            JobName = jobName,
            Account = state?.Account,
            PlanVersion = state?.PlanVersion,
            CorrelationId = Guid.NewGuid().ToString("n"),
        }, cancellationToken).ConfigureAwait(false);
        _signal.Notify();
        return true;
    }

    /// <summary>The difference between two plans, by job name.</summary>
    public static PlanDiff Diff(Plan? from, Plan to)
    {
        ArgumentNullException.ThrowIfNull(to);
        var old = new Dictionary<string, JobDefinition>(StringComparer.Ordinal);
        if (from is not null)
        {
            foreach (var job in from.Jobs)
            {
                old[job.Name] = job;
            }
        }

        var added = new List<string>();
        var changed = new List<string>();
        var zoneChanged = from is not null && from.TimeZoneId != to.TimeZoneId;
        foreach (var job in to.Jobs)
        {
            if (!old.Remove(job.Name, out var before))
            {
                added.Add(job.Name);
            }
            else if (!before.SameAs(job) || (zoneChanged && job.Trigger.Kind == TriggerKind.Cron))
            {
                changed.Add(job.Name);
            }
        }

        var removed = new List<string>(old.Keys);
        removed.Sort(StringComparer.Ordinal);
        return new PlanDiff(added, removed, changed);
    }

    private async Task<PlanChange> CommitAsync(Plan? current, Plan plan, PlanDiff diff, string type, string actor, CancellationToken cancellationToken)
    {
        if (!await _plans.TryAppendAsync(plan, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Plan version {plan.Version} was written by another process at the same time; try again.");
        }

        await SyncJobsAsync(plan, current, cancellationToken).ConfigureAwait(false);
        await _audit.AppendAsync(new AuditEvent
        {
            At = plan.CreatedAt,
            Type = type,
            Actor = actor,
            PlanVersion = plan.Version,
            CorrelationId = $"plan-{plan.Version}",
            Detail = $"{plan.Origin}: {plan.Jobs.Count} jobs; added {diff.Added.Count}, removed {diff.Removed.Count}, changed {diff.Changed.Count}"
                + (diff.Added.Count + diff.Removed.Count + diff.Changed.Count <= 20
                    ? $" [+{string.Join(',', diff.Added)} -{string.Join(',', diff.Removed)} ~{string.Join(',', diff.Changed)}]"
                    : string.Empty),
        }, cancellationToken).ConfigureAwait(false);
        _signal.NotifyPlanChanged();
        return new PlanChange(plan, true, diff);
    }

    /// <summary>Aligns job states with <paramref name="plan"/>; triggers differing from <paramref name="previous"/> restart from now.</summary>
    internal Task SyncJobsAsync(Plan plan, Plan? previous, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(plan.TimeZoneId);
        var now = _time.GetUtcNow();
        var seeds = CreateSeeds(plan, previous, zone, now);
        return _jobs.SyncAsync(plan.Version, seeds, cancellationToken);
    }

    internal static List<JobSeed> CreateSeeds(Plan plan, Plan? previous, TimeZoneInfo zone, DateTimeOffset now)
    {
        Dictionary<string, JobDefinition>? before = null;
        var zoneChanged = previous is not null && previous.TimeZoneId != plan.TimeZoneId;
        if (previous is not null)
        {
            before = new Dictionary<string, JobDefinition>(previous.Jobs.Count, StringComparer.Ordinal);
            foreach (var job in previous.Jobs)
            {
                before[job.Name] = job;
            }
        }

        var jobs = plan.Jobs;
        var due = ArrayPool<DateTimeOffset?>.Shared.Rent(jobs.Count);
        try
        {
            NextDue(jobs, zone, now, due.AsSpan(0, jobs.Count));
            var seeds = new List<JobSeed>(jobs.Count);

            // An account's jobs share its AccountRef instance (a generated plan's reply and post jobs): one text each.
            var accountTexts = new Dictionary<AccountRef, string>(jobs.Count / 2, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < jobs.Count; i++)
            {
                var job = jobs[i];
                var changed = before is not null && before.TryGetValue(job.Name, out var old)
                    && (old.Trigger != job.Trigger || (zoneChanged && job.Trigger.Kind == TriggerKind.Cron));
                string? account = null;
                if (job.Account is { } accountRef)
                {
                    ref var text = ref CollectionsMarshal.GetValueRefOrAddDefault(accountTexts, accountRef, out _);
                    account = text ??= accountRef.ToString();
                }

                seeds.Add(new JobSeed(job.Name, account, due[i], changed));
            }

            return seeds;
        }
        finally
        {
            ArrayPool<DateTimeOffset?>.Shared.Return(due);
        }
    }

    /// <summary>The next-due computation: the first occurrence after <paramref name="now"/> of each job, into <paramref name="due"/>.</summary>
    internal static void NextDue(IReadOnlyList<JobDefinition> jobs, TimeZoneInfo zone, DateTimeOffset now, Span<DateTimeOffset?> due)
    {
        // Jobs sharing a trigger (all reply jobs) share one first occurrence; staggered cron jobs share one walk over
        // their expression's occurrences (see CronOccurrenceWalk) instead of one cron evaluation each.
        var crons = new Dictionary<string, ICronSchedule>(StringComparer.Ordinal);
        var walks = CreateWalks(jobs, zone, now, crons);
        var cache = new Dictionary<TriggerSpec, DateTimeOffset?>();

        // Consecutive jobs usually share the same trigger or cron text instance (a generated plan's reply jobs, post
        // jobs): a reference check skips hashing them again.
        TriggerSpec? lastSpec = null;
        DateTimeOffset? lastFirst = null;
        string? lastCron = null;
        CronOccurrenceWalk? lastWalk = null;
        for (var i = 0; i < jobs.Count; i++)
        {
            var trigger = jobs[i].Trigger;
            DateTimeOffset? first;
            if (trigger.Kind == TriggerKind.Cron && !ReferenceEquals(trigger.Cron, lastCron))
            {
                lastCron = trigger.Cron;
                lastWalk = lastCron is null ? null : walks.GetValueOrDefault(lastCron);
            }

            if (trigger.Kind == TriggerKind.Cron && lastWalk is not null)
            {
                // Same arithmetic as CronTrigger.NextAfter.
                first = lastWalk.NextAfter(now - trigger.Offset) is { } n ? (n + trigger.Offset).ToUniversalTime() : null;
            }
            else if (ReferenceEquals(trigger, lastSpec))
            {
                first = lastFirst;
            }
            else
            {
                if (!cache.TryGetValue(trigger, out first))
                {
                    first = TriggerFactory.Create(trigger, zone, crons).NextAfter(now);
                    cache[trigger] = first;
                }

                lastSpec = trigger;
                lastFirst = first;
            }

            due[i] = first;
        }
    }

    /// <summary>A walk per cron expression used with several offsets (null where one cannot be used).</summary>
    private static Dictionary<string, CronOccurrenceWalk?> CreateWalks(IReadOnlyList<JobDefinition> jobs, TimeZoneInfo zone, DateTimeOffset now, Dictionary<string, ICronSchedule> crons)
    {
        // Per expression: the lowest and highest offset and how many jobs use it.
        var spans = new Dictionary<string, (TimeSpan Min, TimeSpan Max, int Count)>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            if (job.Trigger is { Kind: TriggerKind.Cron, Cron: { } cron, Offset: var offset })
            {
                spans[cron] = spans.TryGetValue(cron, out var s)
                    ? (offset < s.Min ? offset : s.Min, offset > s.Max ? offset : s.Max, s.Count + 1)
                    : (offset, offset, 1);
            }
        }

        var walks = new Dictionary<string, CronOccurrenceWalk?>(StringComparer.Ordinal);
        FallBackWindows? fallBack = null;
        foreach (var (cron, (min, max, count)) in spans)
        {
            if (count < 4 || min == max)
            {
                continue;
            }

            if (!crons.TryGetValue(cron, out var schedule))
            {
                // An invalid expression gets no walk: the per-job path raises the usual error.
                schedule = QuartzCronSchedule.TryParse(cron, zone, out _);
                if (schedule is null)
                {
                    continue;
                }

                crons.Add(cron, schedule);
            }

            fallBack ??= FallBackWindows.For(zone);

            // Bounded so a frequent expression over a long stagger costs no more than evaluating each job.
            walks[cron] = CronOccurrenceWalk.TryCreate(schedule, fallBack, now - max, now - min, Math.Min(count / 2, 4096));
        }

        return walks;
    }

    private async Task<string?> LastGeneratedFingerprintAsync(CancellationToken cancellationToken)
    {
        var versions = await _plans.ListVersionsAsync(cancellationToken).ConfigureAwait(false);
        for (var i = versions.Count - 1; i >= 0; i--)
        {
            if (versions[i].Origin == "generated")
            {
                return versions[i].Fingerprint;
            }
        }

        return null;
    }
}
