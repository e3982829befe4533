using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Rizquna.Scheduling.Autopost.Worker;

/// <summary>
/// Runs <see cref="AutopostWorker"/> in the background: it drains the due items (<see cref="AutopostWorker.DrainAsync"/>), then waits
/// <see cref="AutopostOptions.PollInterval"/> (on the injected <see cref="TimeProvider"/>). Off when
/// <see cref="AutopostOptions.WorkerEnabled"/> is false. Once an hour (and on its first tick) it also deletes expired
/// idempotency keys (<see cref="AutopostWorker.PruneIdempotencyKeysAsync"/>).
/// </summary>
public sealed partial class AutopostWorkerService : BackgroundService
{
    private readonly AutopostWorker _worker;
    private readonly IOptionsMonitor<AutopostOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private DateTimeOffset? _lastPrune;

    /// <summary>How often expired idempotency keys are deleted.</summary>
    internal static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    /// <summary>Creates the service.</summary>
    public AutopostWorkerService(AutopostWorker worker, IOptionsMonitor<AutopostOptions> options, TimeProvider time, ILogger<AutopostWorkerService>? logger = null)
    {
        _worker = worker ?? throw new ArgumentNullException(nameof(worker));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var options = _options.CurrentValue;
            if (options.WorkerEnabled)
            {
                try
                {
                    // Drains until nothing is due, one durable commit per batch; then waits for the poll interval.
                    await _worker.DrainAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A storage hiccup must not stop the worker; claimed items come back when their lease ends.
                    LogTickFailed(_logger, exception);
                }

                await PruneKeysWhenDueAsync(stoppingToken).ConfigureAwait(false);
            }

            try
            {
                await Task.Delay(options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PruneKeysWhenDueAsync(CancellationToken stoppingToken)
    {
        var now = _time.GetUtcNow();
        if (_lastPrune is { } last && now - last < PruneInterval)
        {
            return;
        }

        try
        {
            var deleted = await _worker.PruneIdempotencyKeysAsync(stoppingToken).ConfigureAwait(false);
            _lastPrune = now;
            if (deleted > 0)
            {
                LogKeysPruned(_logger, deleted);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Tried again on the next tick; keys only pile up meanwhile.
            LogPruneFailed(_logger, exception);
        }
    }

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Autopost worker tick failed")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Deleted {Count} expired autopost idempotency keys")]
    private static partial void LogKeysPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Deleting expired autopost idempotency keys failed")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
