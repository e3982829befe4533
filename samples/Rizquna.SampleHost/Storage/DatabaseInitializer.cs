namespace Rizquna.SampleHost.Storage;

/// <summary>Creates <c>data/rizquna.db</c> and the host tables at start, before any request needs them.</summary>
internal sealed partial class DatabaseInitializer(HostDatabase database, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        LogReady(logger, database.FilePath);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready at {Path}")]
    private static partial void LogReady(ILogger logger, string path);
}
