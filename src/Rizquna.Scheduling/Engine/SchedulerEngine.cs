using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rizquna.Scheduling.Approvals;
using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Policies;
using Rizquna.Scheduling.Storage;

namespace Rizquna.Scheduling.Engine;

/// <summary>
/// The engine: a hosted service that sleeps until the next due time (or a change), claims due jobs with expiring
/// leases, runs their lane handlers within the concurrency bounds, and records every run with retry, cooldown and
/// catch-up applied. <see cref="RunDueAsync"/> runs one tick at the <see cref="TimeProvider"/>'s current time, so tests
/// and hosts can drive whole days with a manual clock.
/// </summary>
public sealed partial class SchedulerEngine : BackgroundService
{
    private readonly IPlanStore _plans;
    private readonly IJobStore _jobs;
    private readonly IAccountHealthStore _healthStore;
    private readonly ApprovalService _approvals;
    private readonly PlanManager _planManager;
    private readonly IEnumerable<ILaneHandler> _handlers;
    private readonly IReporter[] _reporters;
    private readonly ICredentialProvider? _credentials;
    private readonly IOptionsMonitor<SchedulingOptions> _options;
    private readonly RetryPolicy _retry;
    private readonly CooldownPolicy _cooldown;
    private readonly TimeProvider _time;
    private readonly SchedulerSignal _signal;
    private readonly ILogger _logger;
    private readonly EngineOptions _engine;
    private readonly SemaphoreSlim _globalSlots;
    private readonly Dictionary<string, SemaphoreSlim> _platformSlots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SemaphoreSlim> _accountSlots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccountHealth> _health = new(StringComparer.Ordinal);
    private readonly Dictionary<JobLease, Task> _inflight = new(ReferenceEqualityComparer.Instance);
    private readonly SemaphoreSlim _tickGate = new(1, 1);
    private readonly CancellationTokenSource _runsCts = new();
    private readonly string _correlationPrefix;
    private CompiledPlan? _plan;
    private bool _initialized;
    private long _correlationCounter;

    internal SchedulerEngine(
        IPlanStore plans,
        IJobStore jobs,
        IAccountHealthStore healthStore,
        ApprovalService approvals,
        PlanManager planManager,
        IEnumerable<ILaneHandler> handlers,
        IEnumerable<IReporter> reporters,
        ICredentialProvider? credentials,
        IOptionsMonitor<SchedulingOptions> options,
        RetryPolicy retry,
        TimeProvider time,
        SchedulerSignal signal,
        ILogger<SchedulerEngine> logger)
    {
        _plans = plans;
        _jobs = jobs;
        _healthStore = healthStore;
        _approvals = approvals;
        _planManager = planManager;
        _handlers = handlers;
        _reporters = [.. reporters];
        _credentials = credentials;
        _options = options;
        _retry = retry;
        _time = time;
        _signal = signal;
        _logger = logger;
        var current = options.CurrentValue;
        _engine = current.Engine;
        _cooldown = new CooldownPolicy(current.Cooldown);
        _globalSlots = new SemaphoreSlim(_engine.MaxConcurrency, _engine.MaxConcurrency);
        WorkerId = string.IsNullOrWhiteSpace(_engine.WorkerId) ? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("n")[..6]}" : _engine.WorkerId;
        _correlationPrefix = Guid.NewGuid().ToString("n")[..8] + "-";
    }

    /// <summary>This worker's name in leases and run records.</summary>
    public string WorkerId { get; }

    /// <summary>Runs currently in flight on this worker (asynchronous ones; synchronous runs finish within their tick).</summary>
    public int InFlight
    {
        get
        {
            lock (_inflight)
            {
                return _inflight.Count;
            }
        }
    }

    /// <summary>Wakes the engine to look for due work now.</summary>
    public void Wake() => _signal.Notify();

    /// <summary>
    /// Runs one engine tick at the <see cref="TimeProvider"/>'s current time: expires approvals, claims every due job
    /// (in batches), runs them and records the results; waits for the runs it started. Returns how many runs were
    /// recorded (missed occurrences not included).
    /// </summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var started = new List<Task>();
        var count = await TickAsync(started, cancellationToken).ConfigureAwait(false);
        if (started.Count > 0)
        {
            var results = await Task.WhenAll(Cast(started)).ConfigureAwait(false);
            foreach (var r in results)
            {
                count += r;
            }
        }

        return count;

        static IEnumerable<Task<int>> Cast(List<Task> tasks)
        {
            foreach (var t in tasks)
            {
                yield return (Task<int>)t;
            }
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await EnsureInitializedAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.StartFailed(_logger, ex);
            throw;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await TickAsync(null, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.TickFailed(_logger, ex);
            }

            TimeSpan delay;
            try
            {
                var next = await _jobs.GetNextDueAsync(stoppingToken).ConfigureAwait(false);
                var now = _time.GetUtcNow();
                delay = next is { } n ? n - now : _engine.MaxIdle;
                if (delay <= TimeSpan.Zero)
                {
                    // Due work we could not take (it runs here already, or slots are full): wait for a run to finish.
                    delay = claimed > 0 ? TimeSpan.Zero : _engine.MaxIdle;
                }
                else if (delay > _engine.MaxIdle)
                {
                    delay = _engine.MaxIdle;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.TickFailed(_logger, ex);
                delay = _engine.MaxIdle;
            }

            if (delay > TimeSpan.Zero)
            {
                try
                {
                    await _signal.WaitAsync(delay, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Stops claiming, lets running work finish within <see cref="EngineOptions.ShutdownTimeout"/>, then cancels and releases the rest.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        Task[] running;
        lock (_inflight)
        {
            running = [.. _inflight.Values];
        }

        if (running.Length == 0)
        {
            return;
        }

        var all = Task.WhenAll(running);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(_engine.ShutdownTimeout, _time, timeout.Token);
        if (await Task.WhenAny(all, delay).ConfigureAwait(false) != all)
        {
            await _runsCts.CancelAsync().ConfigureAwait(false);
            List<JobLease> leases;
            lock (_inflight)
            {
                leases = [.. _inflight.Keys];
            }

            if (leases.Count > 0)
            {
                await _jobs.ReleaseAsync(leases, CancellationToken.None).ConfigureAwait(false);
                Log.Released(_logger, leases.Count);
            }
        }

        await timeout.CancelAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        base.Dispose();
        _runsCts.Dispose();
    }

    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _tickGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            if (_engine.GeneratePlanOnStart && _options.CurrentValue.Providers.Count > 0)
            {
                await _planManager.GenerateAsync("system", cancellationToken).ConfigureAwait(false);
            }

            foreach (var h in await _healthStore.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                lock (_health)
                {
                    _health[h.Account] = h;
                }
            }

            await LoadPlanAsync(cancellationToken).ConfigureAwait(false);
            _initialized = true;
        }
        finally
        {
            _tickGate.Release();
        }
    }

    private async Task LoadPlanAsync(CancellationToken cancellationToken)
    {
        _signal.TakePlanChanged();
        var plan = await _plans.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            _plan = null;
            return;
        }

        if (_plan?.Version != plan.Version)
        {
            _plan = CompiledPlan.Compile(plan, _handlers, PlatformSlotsFor, AccountSlotsFor);
        }
    }

    private SemaphoreSlim PlatformSlotsFor(string platform)
    {
        lock (_platformSlots)
        {
            if (!_platformSlots.TryGetValue(platform, out var slots))
            {
                _platformSlots[platform] = slots = new SemaphoreSlim(_engine.MaxConcurrencyPerPlatform, _engine.MaxConcurrencyPerPlatform);
            }

            return slots;
        }
    }

    private SemaphoreSlim AccountSlotsFor(string account)
    {
        lock (_accountSlots)
        {
            if (!_accountSlots.TryGetValue(account, out var slots))
            {
                _accountSlots[account] = slots = new SemaphoreSlim(_engine.MaxConcurrencyPerAccount, _engine.MaxConcurrencyPerAccount);
            }

            return slots;
        }
    }

    private string NextCorrelationId()
    {
        var n = Interlocked.Increment(ref _correlationCounter);
        return string.Create(_correlationPrefix.Length + 16, (_correlationPrefix, n), static (span, s) =>
        {
            s._correlationPrefix.AsSpan().CopyTo(span);
            s.n.TryFormat(span[s._correlationPrefix.Length..], out _, "x16", System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Scheduler engine failed to start")]
        public static partial void StartFailed(ILogger logger, Exception ex);

        [LoggerMessage(2, LogLevel.Error, "Scheduler tick failed; retrying after the idle interval")]
        public static partial void TickFailed(ILogger logger, Exception ex);

        [LoggerMessage(3, LogLevel.Warning, "Shutdown timeout: released {Count} leases of unfinished runs")]
        public static partial void Released(ILogger logger, int count);

        [LoggerMessage(4, LogLevel.Warning, "Run of {Job} failed ({Kind}): {Message}")]
        public static partial void RunFailed(ILogger logger, string job, PlatformErrorKind kind, string message);

        [LoggerMessage(5, LogLevel.Warning, "Alert {Type} could not be delivered through {Reporter}")]
        public static partial void AlertFailed(ILogger logger, string type, string reporter, Exception ex);

        [LoggerMessage(6, LogLevel.Error, "Recording completions failed")]
        public static partial void CompleteFailed(ILogger logger, Exception ex);
    }
}
