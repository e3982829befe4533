using Microsoft.Data.Sqlite;
using Rizquna.Scheduling.Autopost.Worker;

namespace Rizquna.SampleHost.Autopost;

/// <summary>
/// Drives the lanes' <see cref="AutopostWorker"/>: one batch, then at once again while there was work, otherwise a
/// short sleep (<c>Rizquna:Host:AutopostPollInterval</c>, default 2 s). After each batch the outcomes become n8n events.
/// </summary>
internal sealed partial class AutopostWorkerService(
    IServiceProvider services,
    PostEventEmitter events,
    IConfiguration configuration,
    ILogger<AutopostWorkerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var worker = ActivatorUtilities.CreateInstance<AutopostWorker>(services);
        var interval = configuration.GetValue("Rizquna:Host:AutopostPollInterval", TimeSpan.FromSeconds(2));
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                var batch = await worker.RunOnceAsync(stoppingToken);
                busy = batch.Claimed > 0;
                if (busy)
                {
                    LogBatch(logger, batch.Claimed, batch.Posted, batch.Failed, batch.Skipped, batch.Retrying);
                }

                await events.EmitNewOutcomesAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is SqliteException or IOException or InvalidOperationException or HttpRequestException)
            {
                LogFailure(logger, ex.GetType().Name, ex.Message);
            }

            if (!busy)
            {
                try
                {
                    await Task.Delay(interval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Autopost batch: {Claimed} claimed, {Posted} posted, {Failed} failed, {Skipped} skipped, {Retrying} retrying")]
    private static partial void LogBatch(ILogger logger, int claimed, int posted, int failed, int skipped, int retrying);

    [LoggerMessage(Level = LogLevel.Error, Message = "Autopost worker tick failed: {Type}: {Message}")]
    private static partial void LogFailure(ILogger logger, string type, string message);
}
