using Rizquna.Scheduling.Approvals;
using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Policies;
using Rizquna.Scheduling.Runs;
using Rizquna.Scheduling.Storage;

namespace Rizquna.Scheduling.Engine;

public sealed partial class SchedulerEngine
{
    /// <summary>The general path: waits for slots, applies the account's health (cooldown, probe, credentials), then runs.</summary>
    private async Task<int> RunSlowAsync(JobLease lease, CompiledJob job, CompiledPlan plan, DateTimeOffset occurrence, RunRecord? missed, AuditEvent? missedEvent)
    {
        var token = _runsCts.Token;
        try
        {
            await EnterSlotsAsync(job, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await _jobs.ReleaseAsync([lease], CancellationToken.None).ConfigureAwait(false);
            return 0;
        }

        var probe = false;
        var events = new List<AuditEvent>(4);
        if (job.Account is { } account)
        {
            DateTimeOffset? deferUntil;
            try
            {
                (deferUntil, probe) = await CheckHealthAsync(job, account, events).ConfigureAwait(false);
            }
            catch
            {
                ExitSlots(job);
                throw;
            }

            if (deferUntil is { } until)
            {
                ExitSlots(job);
                var deferral = new List<JobCompletion>(2);
                if (missed is not null)
                {
                    deferral.Add(RecordOnly(lease, missed, missedEvent!).ToCompletion());
                }

                deferral.Add(new JobCompletion(lease, null, events, until, occurrence, lease.Attempt));
                await _jobs.CompleteAsync(deferral, CancellationToken.None).ConfigureAwait(false);
                return 0;
            }
        }

        var startedAt = _time.GetUtcNow();
        var startTs = _time.GetTimestamp();
        var context = NewContext(lease, job, plan, occurrence);
        Task<LaneRunResult> task;
        try
        {
            task = job.Handler!.RunAsync(context, token);
        }
        catch (Exception ex)
        {
            task = Task.FromException<LaneRunResult>(ex);
        }

        return await FinishCoreAsync(lease, job, plan, occurrence, missed, missedEvent, context, task, startedAt, startTs, probe, events).ConfigureAwait(false);
    }

    /// <summary>Finishes a run started on the fast path whose handler went asynchronous, failed or awaits approval.</summary>
    private Task<int> FinishSlowAsync(JobLease lease, CompiledJob job, CompiledPlan plan, DateTimeOffset occurrence, RunRecord? missed, AuditEvent? missedEvent, JobRunContext context, Task<LaneRunResult> task, DateTimeOffset startedAt, long startTs, bool probe) =>
        FinishCoreAsync(lease, job, plan, occurrence, missed, missedEvent, context, task, startedAt, startTs, probe, new List<AuditEvent>(4));

    private async Task<int> FinishCoreAsync(JobLease lease, CompiledJob job, CompiledPlan plan, DateTimeOffset occurrence, RunRecord? missed, AuditEvent? missedEvent, JobRunContext context, Task<LaneRunResult> task, DateTimeOffset startedAt, long startTs, bool probe, List<AuditEvent> events)
    {
        LaneRunResult? result = null;
        Exception? error = null;
        try
        {
            result = await task.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        var completions = new List<JobCompletion>(2);
        if (missed is not null)
        {
            completions.Add(RecordOnly(lease, missed, missedEvent!).ToCompletion());
        }

        try
        {
            completions.Add(await BuildCompletionAsync(lease, job, plan, occurrence, context, result, error, startedAt, startTs, probe, events).ConfigureAwait(false));
        }
        finally
        {
            // Slots are held until the account's health is updated, so the next run of the account sees the probe's verdict.
            ExitSlots(job);
        }

        try
        {
            await _jobs.CompleteAsync(completions, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.CompleteFailed(_logger, ex);
            throw;
        }

        return 1;
    }

    private async Task<JobCompletion> BuildCompletionAsync(JobLease lease, CompiledJob job, CompiledPlan plan, DateTimeOffset occurrence, JobRunContext context, LaneRunResult? result, Exception? error, DateTimeOffset startedAt, long startTs, bool probe, List<AuditEvent> events)
    {
        var now = _time.GetUtcNow();
        var duration = _time.GetElapsedTime(startTs);
        var correlation = context.CorrelationId;
        events.Insert(0, RunEvent(AuditEventTypes.RunStarted, job, lease.JobName, plan.Version, correlation, startedAt, null));

        if (error is OperationCanceledException && _runsCts.IsCancellationRequested)
        {
            // Shutdown: the same occurrence and attempt run again later.
            var cancelled = NewRecord(lease, job, plan.Version, occurrence, startedAt, duration, RunOutcome.Cancelled, null, "cancelled by shutdown", null, correlation);
            events.Add(Event(AuditEventTypes.RunFailed, cancelled, "cancelled by shutdown"));
            return new JobCompletion(lease, cancelled, events, lease.DueAt, occurrence, lease.Attempt);
        }

        if (error is null)
        {
            var outcome = Map(result!.Outcome);
            DateTimeOffset? due, nextOccurrence;
            var attempt = 1;
            if (outcome == RunOutcome.AwaitingApproval)
            {
                // The same occurrence runs again when the approval is decided (the decision wakes the job) or expires.
                var approval = result.Message is { Length: > 0 } id ? await _approvals.GetAsync(id).ConfigureAwait(false) : null;
                due = approval is { Status: ApprovalStatus.Pending } ? approval.ExpiresAt : now;
                nextOccurrence = occurrence;
                attempt = lease.Attempt;
            }
            else
            {
                due = nextOccurrence = job.Trigger.NextAfter(occurrence);
            }

            var record = NewRecord(lease, job, plan.Version, occurrence, startedAt, duration, outcome, null, result.Message, null, correlation);
            events.Add(Event(AuditEventTypes.RunSucceeded, record, outcome == RunOutcome.AwaitingApproval ? $"awaiting approval {result.Message}" : result.Message));
            if (job.Account is { } account)
            {
                await OnSuccessAsync(job, account, plan.Version, correlation, now, events).ConfigureAwait(false);
            }

            return new JobCompletion(lease, record, events, due, nextOccurrence, attempt);
        }

        var platformError = error as PlatformException;
        var kind = platformError?.Kind ?? PlatformErrorKind.Transient;
        var message = platformError is not null ? error.Message : $"{error.GetType().Name}: {error.Message}";
        var decision = _retry.Decide(lease.Attempt, error);
        DateTimeOffset? nextDue;
        DateTimeOffset? retryAt = null;
        int nextAttempt;
        DateTimeOffset? occurrenceNext;
        if (decision.ShouldRetry)
        {
            retryAt = nextDue = now + decision.Delay;
            occurrenceNext = occurrence;
            nextAttempt = lease.Attempt + 1;
        }
        else
        {
            nextDue = occurrenceNext = job.Trigger.NextAfter(occurrence);
            nextAttempt = 1;
        }

        Log.RunFailed(_logger, lease.JobName, kind, message);
        var failed = NewRecord(lease, job, plan.Version, occurrence, startedAt, duration, RunOutcome.Failed, kind, message, retryAt, correlation);
        events.Add(Event(AuditEventTypes.RunFailed, failed, $"{kind}: {message}"));
        if (retryAt is { } at)
        {
            events.Add(Event(AuditEventTypes.RetryScheduled, failed,
                $"attempt {nextAttempt} at {at:O} (+{decision.Delay})" + (decision.ReconcileFirst ? "; reconcile the unknown outcome first" : string.Empty), now));
        }

        if (job.Account is { } failedAccount && CooldownPolicy.CountsAsAccountFailure(kind))
        {
            await OnFailureAsync(job, failedAccount, kind, platformError, message, probe, plan.Version, correlation, now, events).ConfigureAwait(false);
        }

        return new JobCompletion(lease, failed, events, nextDue, occurrenceNext, nextAttempt);
    }

    private async Task<(DateTimeOffset? DeferUntil, bool Probe)> CheckHealthAsync(CompiledJob job, string account, List<AuditEvent> events)
    {
        var health = HealthOf(account);
        var now = _time.GetUtcNow();
        switch (health?.Status)
        {
            case AccountHealthStatus.CoolingDown when health.PausedUntil is { } until && until > now:
                return (until, false);
            case AccountHealthStatus.CoolingDown:
                return (null, true);
            case AccountHealthStatus.AwaitingCredentials:
                var fingerprint = await FingerprintAsync(job).ConfigureAwait(false);
                if (fingerprint is not null && fingerprint != health.CredentialFingerprint)
                {
                    await SetHealthAsync(new AccountHealth { Account = account, Since = now }).ConfigureAwait(false);
                    events.Add(AccountEvent(AuditEventTypes.CooldownLeft, account, null, null, now, "credentials changed"));
                    return (null, false);
                }

                return (now + _engine.MaxIdle, false);
            default:
                return (null, false);
        }
    }

    private async Task OnSuccessAsync(CompiledJob job, string account, int planVersion, string correlation, DateTimeOffset now, List<AuditEvent> events)
    {
        var health = HealthOf(account);
        if (health is null || (health.Status == AccountHealthStatus.Healthy && health.ConsecutiveFailures == 0))
        {
            return;
        }

        if (health.Status == AccountHealthStatus.CoolingDown)
        {
            events.Add(AccountEvent(AuditEventTypes.CooldownLeft, account, job.Definition.Name, planVersion, now, "probe succeeded", correlation));
        }

        await SetHealthAsync(new AccountHealth { Account = account, Since = now }).ConfigureAwait(false);
    }

    private async Task OnFailureAsync(CompiledJob job, string account, PlatformErrorKind kind, PlatformException? error, string message, bool probe, int planVersion, string correlation, DateTimeOffset now, List<AuditEvent> events)
    {
        var health = HealthOf(account) ?? new AccountHealth { Account = account };
        if (health.Status == AccountHealthStatus.AwaitingCredentials)
        {
            return;
        }

        AccountHealth next;
        string? alert = null; // the account is paused (cooldown or credentials)
        string? failureAlert = null; // a failure streak on an account that keeps running
        if (CooldownPolicy.NeedsNewCredentials(kind))
        {
            next = health with
            {
                Status = AccountHealthStatus.AwaitingCredentials,
                ConsecutiveFailures = health.ConsecutiveFailures + 1,
                PausedUntil = null,
                CredentialFingerprint = await FingerprintAsync(job).ConfigureAwait(false),
                LastError = message,
                Since = now,
            };
            alert = $"{account} paused until its credentials change ({kind}): {message}";
        }
        else
        {
            var failures = health.ConsecutiveFailures + 1;
            var trip = probe || (health.Status == AccountHealthStatus.Healthy && _cooldown.Trips(failures)) || error?.Cooldown is not null;
            if (trip)
            {
                var trips = health.Trips + 1;
                var pause = _cooldown.DurationFor(trips);
                if (error?.Cooldown is { } hint && hint > pause)
                {
                    pause = hint;
                }

                next = health with { Status = AccountHealthStatus.CoolingDown, ConsecutiveFailures = failures, Trips = trips, PausedUntil = now + pause, LastError = message, Since = now };
                alert = $"{account} cools down until {now + pause:O} after {failures} consecutive failures{(probe ? " (the probe failed)" : string.Empty)}; last error {kind}: {message}";
            }
            else
            {
                next = health with { ConsecutiveFailures = failures, LastError = message };
                if (health.Status == AccountHealthStatus.Healthy && _cooldown.AlertsAt(failures))
                {
                    failureAlert = $"{account} failed {failures} times in a row and keeps running; last error {kind}: {message}";
                }
            }
        }

        await SetHealthAsync(next).ConfigureAwait(false);
        if (failureAlert is not null)
        {
            var report = new Report($"Rizquna: {account} failing", failureAlert, ReportSeverity.Warning, now) { Type = "alert.failures" };
            events.Add(await AlertAsync(report, account, job, planVersion, correlation).ConfigureAwait(false));
        }

        if (alert is null)
        {
            return;
        }

        events.Add(AccountEvent(AuditEventTypes.CooldownEntered, account, job.Definition.Name, planVersion, now, alert, correlation));
        if (next.PausedUntil is { } pausedUntil)
        {
            await _jobs.DeferAccountAsync(account, pausedUntil).ConfigureAwait(false);
        }

        var credentials = next.Status == AccountHealthStatus.AwaitingCredentials;
        var paused = new Report($"Rizquna: {account} paused", alert, credentials ? ReportSeverity.Critical : ReportSeverity.Warning, now)
        {
            Type = credentials ? "alert.credentials" : "alert.cooldown",
        };
        events.Add(await AlertAsync(paused, account, job, planVersion, correlation).ConfigureAwait(false));
    }

    /// <summary>Sends <paramref name="report"/> through every reporter; returns the <c>alert.sent</c> event naming those it reached.</summary>
    private async Task<AuditEvent> AlertAsync(Report report, string account, CompiledJob job, int planVersion, string correlation)
    {
        var delivered = new List<string>(_reporters.Length);
        foreach (var reporter in _reporters)
        {
            try
            {
                await reporter.SendAsync(report, CancellationToken.None).ConfigureAwait(false);
                delivered.Add(reporter.Name);
            }
            catch (Exception ex)
            {
                Log.AlertFailed(_logger, report.Type, reporter.Name, ex);
            }
        }

        return AccountEvent(AuditEventTypes.AlertSent, account, job.Definition.Name, planVersion, report.CreatedAt,
            $"to [{string.Join(',', delivered)}]: {report.Body}", correlation);
    }

    private async Task<string?> FingerprintAsync(CompiledJob job)
    {
        if (_credentials is null || job.Definition.Account is not { } account)
        {
            return null;
        }

        try
        {
            var credential = await _credentials.GetAsync(account, CancellationToken.None).ConfigureAwait(false);
            return credential.Fingerprint;
        }
        catch (Exception ex) when (ex is PlatformException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }

    private async Task SetHealthAsync(AccountHealth health)
    {
        lock (_health)
        {
            _health[health.Account] = health;
        }

        await _healthStore.SetAsync(health, CancellationToken.None).ConfigureAwait(false);
    }

    private AuditEvent RunEvent(string type, CompiledJob job, string jobName, int planVersion, string correlation, DateTimeOffset at, string? detail) => new()
    {
        At = at,
        Type = type,
        Actor = WorkerId,
        JobName = jobName,
        Account = job.Account,
        PlanVersion = planVersion,
        CorrelationId = correlation,
        Detail = detail,
    };

    private AuditEvent AccountEvent(string type, string account, string? jobName, int? planVersion, DateTimeOffset at, string detail, string? correlation = null) => new()
    {
        At = at,
        Type = type,
        Actor = WorkerId,
        JobName = jobName,
        Account = account,
        PlanVersion = planVersion,
        CorrelationId = correlation,
        Detail = detail,
    };
}
