using Microsoft.Data.Sqlite;

namespace Rizquna.SampleHost.Autopost;

/// <summary>Turns the autopost worker's recorded outcomes into n8n events every couple of seconds (never blocking the worker).</summary>
internal sealed partial class PostEventService(PostEventEmitter events, IConfiguration configuration, ILogger<PostEventService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Rizquna:Host:AutopostPollInterval", TimeSpan.FromSeconds(2));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await events.EmitNewOutcomesAsync(stoppingToken);
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is SqliteException or IOException or InvalidOperationException)
            {
                LogFailure(logger, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Post events not emitted this round: {Message}")]
    private static partial void LogFailure(ILogger logger, string message);
}
