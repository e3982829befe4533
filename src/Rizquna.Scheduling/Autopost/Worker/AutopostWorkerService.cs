using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Rizquna.Scheduling.Autopost.Worker;

/// <summary>
/// Runs <see cref="AutopostWorker"/> in the background: it drains the due items (<see cref="AutopostWorker.DrainAsync"/>), then waits
/// <see cref="AutopostOptions.PollInterval"/> (on the injected <see cref="TimeProvider"/>). Off when
/// <see cref="AutopostOptions.WorkerEnabled"/> is false.
/// </summary>
public sealed partial class AutopostWorkerService : BackgroundService
{
    private readonly AutopostWorker _worker;
    private readonly IOptionsMonitor<AutopostOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

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

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Autopost worker tick failed")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
