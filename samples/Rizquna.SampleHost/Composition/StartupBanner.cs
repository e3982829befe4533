namespace Rizquna.SampleHost.Composition;

/// <summary>Says at start, in plain words, which platforms are live and which are dry-run, and where the API is.</summary>
internal sealed partial class StartupBanner(PlatformModes modes, ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (platform, mode) in modes.All)
        {
            if (mode.Live)
            {
                LogLive(logger, platform);
            }
            else
            {
                LogDry(logger, platform, mode.Reason ?? "no credentials");
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Platform}: LIVE — posts and replies are sent to the platform")]
    private static partial void LogLive(ILogger logger, string platform);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform}: DRY-RUN ({Reason}) — posts and replies are recorded in the timeline and results, NOT sent")]
    private static partial void LogDry(ILogger logger, string platform, string reason);
}
