using System.Runtime.InteropServices;
using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Policies;
using Rizquna.Scheduling.Runs;
using Rizquna.Scheduling.Storage;
using Rizquna.Scheduling.Storage.InMemory;

namespace Rizquna.Scheduling.Engine;

public sealed partial class SchedulerEngine
{
    private static readonly AuditEvent[] NoEvents = [];
    private readonly List<BatchedCompletion> _batch = [];
    private readonly List<JobLease> _claimed = [];

    /// <summary>
    /// One tick: claims due jobs in batches and runs them. Runs that finish synchronously are recorded together with
    /// one store call per batch; the others record themselves and are added to <paramref name="started"/>.
    /// </summary>
    private async Task<int> TickAsync(List<Task>? started, CancellationToken cancellationToken)
    {
        await _tickGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_signal.TakePlanChanged() || _plan is null)
            {
                await LoadPlanAsync(cancellationToken).ConfigureAwait(false);
            }

            await _approvals.ExpireDueAsync(cancellationToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            var batchSize = _engine.ClaimBatchSize;
            var count = 0;
            var fastStore = _jobs as InMemorySchedulingStore;
            while (!cancellationToken.IsCancellationRequested)
            {
                var exclude = RunningJobNames();
                IReadOnlyList<JobLease> leases;
                if (fastStore is not null)
                {
                    _claimed.Clear();
                    fastStore.ClaimDue(now, batchSize, WorkerId, _engine.LeaseDuration, exclude, _claimed);
                    leases = _claimed;
                }
                else
                {
                    leases = await _jobs.ClaimDueAsync(now, batchSize, WorkerId, _engine.LeaseDuration, exclude, cancellationToken).ConfigureAwait(false);
                }

                if (leases.Count == 0)
                {
                    break;
                }

                _batch.Clear();
                for (var i = 0; i < leases.Count; i++)
                {
                    var lease = leases[i];
                    var pending = Process(lease, now, ref count);
                    if (pending is not null)
                    {
                        Track(lease, pending);
                        started?.Add(pending);
                    }
                }

                if (_batch.Count > 0)
                {
                    await CompleteBatchAsync(fastStore).ConfigureAwait(false);
                    _batch.Clear();
                }

                if (leases.Count < batchSize)
                {
                    break;
                }
            }

            return count;
        }
        finally
        {
            _tickGate.Release();
        }
    }

    /// <summary>
    /// Runs one claimed job. The fast path (healthy account, free slots, a handler that completes synchronously and
    /// succeeds) adds its completion to the batch and returns null; anything else continues asynchronously.
    /// </summary>
    private Task<int>? Process(JobLease lease, DateTimeOffset now, ref int count)
    {
        var plan = _plan;
        if (plan is null || !plan.Jobs.TryGetValue(lease.JobName, out var job))
        {
            // Not in the plan this worker knows (changed elsewhere): look again later with a fresh plan.
            _signal.NotifyPlanChanged();
            _batch.Add(new BatchedCompletion(lease, null, NoEvents, now + _engine.MaxIdle, lease.OccurrenceAt, lease.Attempt));
            return null;
        }

        var occurrence = lease.OccurrenceAt;
        RunRecord? missed = null;
        AuditEvent? missedEvent = null;
        if (lease.Attempt == 1)
        {
            var decision = CatchUp.Evaluate(job.Trigger, occurrence, now, _engine.CatchUp);
            if (decision.Missed > 0)
            {
                (missed, missedEvent) = MissedRecord(lease, job, plan.Version, decision, now);
            }

            if (decision.Run is not { } run)
            {
                _batch.Add(new BatchedCompletion(lease, missed, [missedEvent!], decision.NextAfterSkipped, decision.NextAfterSkipped, 1));
                return null;
            }

            occurrence = run;
        }

        if (job.Handler is null)
        {
            var record = NewRecord(lease, job, plan.Version, occurrence, now, TimeSpan.Zero, RunOutcome.Skipped, null, $"no handler registered for lane {job.Definition.Lane}", null, NextCorrelationId());
            if (missed is not null)
            {
                _batch.Add(RecordOnly(lease, missed, missedEvent!));
            }

            _batch.Add(new BatchedCompletion(lease, record, [Event(AuditEventTypes.RunSucceeded, record, record.Message)], job.Trigger.NextAfter(occurrence), job.Trigger.NextAfter(occurrence), 1));
            count++;
            return null;
        }

        if (job.Account is { } account && HealthOf(account) is { } health && (health.Status != AccountHealthStatus.Healthy || health.ConsecutiveFailures > 0))
        {
            return RunSlowAsync(lease, job, plan, occurrence, missed, missedEvent);
        }

        if (!TryEnterSlots(job))
        {
            return RunSlowAsync(lease, job, plan, occurrence, missed, missedEvent);
        }

        var startedAt = _time.GetUtcNow();
        var startTs = _time.GetTimestamp();
        var context = NewContext(lease, job, plan, occurrence);
        Task<LaneRunResult> task;
        try
        {
            task = job.Handler.RunAsync(context, _runsCts.Token);
        }
        catch (Exception ex)
        {
            task = Task.FromException<LaneRunResult>(ex);
        }

        if (!task.IsCompletedSuccessfully || task.Result.Outcome == LaneRunOutcome.AwaitingApproval)
        {
            return FinishSlowAsync(lease, job, plan, occurrence, missed, missedEvent, context, task, startedAt, startTs, probe: false);
        }

        ExitSlots(job);
        var result = task.Result;
        var finished = NewRecord(lease, job, plan.Version, occurrence, startedAt, _time.GetElapsedTime(startTs), Map(result.Outcome), null, result.Message, null, context.CorrelationId);
        var next = job.Trigger.NextAfter(occurrence);
        if (missed is not null)
        {
            _batch.Add(RecordOnly(lease, missed, missedEvent!));
        }

        // Events null: run.started at startedAt and run.succeeded at its end with the result's message, both derived
        // from the record (RunEvents) instead of built.
        _batch.Add(new BatchedCompletion(lease, finished, null, next, next, 1));
        count++;
        return null;
    }

    private Task CompleteBatchAsync(InMemorySchedulingStore? fastStore)
    {
        if (fastStore is not null)
        {
            fastStore.Complete(CollectionsMarshal.AsSpan(_batch));
            return Task.CompletedTask;
        }

        var completions = new JobCompletion[_batch.Count];
        for (var i = 0; i < completions.Length; i++)
        {
            completions[i] = _batch[i].ToCompletion();
        }

        return _jobs.CompleteAsync(completions, CancellationToken.None);
    }

    private HashSet<string>? RunningJobNames()
    {
        lock (_inflight)
        {
            if (_inflight.Count == 0)
            {
                return null;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var lease in _inflight.Keys)
            {
                names.Add(lease.JobName);
            }

            return names;
        }
    }

    private void Track(JobLease lease, Task<int> task)
    {
        lock (_inflight)
        {
            if (task.IsCompleted)
            {
                return;
            }

            _inflight[lease] = task;
        }

        // Removed after completion (never before it was added), then the sleeping loop is woken.
        task.ContinueWith(
            static (_, state) =>
            {
                var (engine, l) = ((SchedulerEngine, JobLease))state!;
                lock (engine._inflight)
                {
                    engine._inflight.Remove(l);
                }

                engine._signal.Notify();
            },
            (this, lease),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private bool TryEnterSlots(CompiledJob job)
    {
        if (!_globalSlots.Wait(0))
        {
            return false;
        }

        if (job.PlatformSlots is { } platform && !platform.Wait(0))
        {
            _globalSlots.Release();
            return false;
        }

        if (job.AccountSlots is { } account && !account.Wait(0))
        {
            job.PlatformSlots?.Release();
            _globalSlots.Release();
            return false;
        }

        return true;
    }

    private async Task EnterSlotsAsync(CompiledJob job, CancellationToken cancellationToken)
    {
        // Account first: a job waiting for its busy account holds no global or platform slot meanwhile.
        if (job.AccountSlots is { } account)
        {
            await account.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            if (job.PlatformSlots is { } platform)
            {
                await platform.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await _globalSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                job.PlatformSlots?.Release();
                throw;
            }
        }
        catch
        {
            job.AccountSlots?.Release();
            throw;
        }
    }

    private void ExitSlots(CompiledJob job)
    {
        _globalSlots.Release();
        job.PlatformSlots?.Release();
        job.AccountSlots?.Release();
    }

    private AccountHealth? HealthOf(string account)
    {
        lock (_health)
        {
            return _health.GetValueOrDefault(account);
        }
    }

    private JobRunContext NewContext(JobLease lease, CompiledJob job, CompiledPlan plan, DateTimeOffset occurrence) => new()
    {
        JobName = lease.JobName,
        Lane = job.Definition.Lane,
        Account = job.Definition.Account,
        PlanVersion = plan.Version,
        ScheduledAt = occurrence,
        Attempt = lease.Attempt,
        CorrelationId = NextCorrelationId(),
        TimeZone = plan.Zone,
        Parameters = job.Definition.Parameters,
    };

    private RunRecord NewRecord(JobLease lease, CompiledJob job, int planVersion, DateTimeOffset occurrence, DateTimeOffset startedAt, TimeSpan duration, RunOutcome outcome, PlatformErrorKind? kind, string? message, DateTimeOffset? nextAttemptAt, string correlationId) => new()
    {
        JobName = lease.JobName,
        Lane = job.Definition.Lane,
        Account = job.Account,
        PlanVersion = planVersion,
        ScheduledAt = occurrence,
        StartedAt = startedAt,
        Duration = duration,
        Attempt = lease.Attempt,
        Outcome = outcome,
        ErrorKind = kind,
        Message = message,
        NextAttemptAt = nextAttemptAt,
        CorrelationId = correlationId,
        Worker = WorkerId,
    };

    private (RunRecord, AuditEvent) MissedRecord(JobLease lease, CompiledJob job, int planVersion, CatchUp.Decision decision, DateTimeOffset now)
    {
        var message = decision.Missed == 1
            ? $"occurrence {decision.FirstMissed:O} missed (catch-up policy {_engine.CatchUp})"
            : $"{decision.Missed} occurrences from {decision.FirstMissed:O} to {decision.LastMissed:O} missed (catch-up policy {_engine.CatchUp})";
        var record = NewRecord(lease, job, planVersion, decision.FirstMissed, now, TimeSpan.Zero, RunOutcome.Missed, null, message, null, NextCorrelationId());
        return (record, Event(AuditEventTypes.RunMissed, record, message));
    }

    private AuditEvent Event(string type, RunRecord run, string? detail, DateTimeOffset? at = null) => new()
    {
        At = at ?? (run.StartedAt + run.Duration),
        Type = type,
        Actor = WorkerId,
        JobName = run.JobName,
        Account = run.Account,
        PlanVersion = run.PlanVersion,
        CorrelationId = run.CorrelationId,
        Detail = detail,
    };

    /// <summary>A completion that only records (its lease token never matches, so the job does not move).</summary>
    private static BatchedCompletion RecordOnly(JobLease lease, RunRecord run, AuditEvent auditEvent) =>
        new(new JobLease(lease.JobName, lease.Account, lease.OccurrenceAt, lease.DueAt, lease.Attempt, lease.Owner, -1, lease.ExpiresAt), run, [auditEvent], null, null, 1);

    private static RunOutcome Map(LaneRunOutcome outcome) => outcome switch
    {
        LaneRunOutcome.Succeeded => RunOutcome.Succeeded,
        LaneRunOutcome.Skipped => RunOutcome.Skipped,
        _ => RunOutcome.AwaitingApproval,
    };
}
