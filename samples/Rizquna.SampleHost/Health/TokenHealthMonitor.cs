using Microsoft.Extensions.Options;
using Rizquna.Scheduling.Autopost;
using Rizquna.SampleHost.Composition;
using Rizquna.SampleHost.Storage;

namespace Rizquna.SampleHost.Health;

/// <summary>
/// Inspects every channel's token in the background (<c>Rizquna:Host:TokenCheckInterval</c>, default 1 h), fills the
/// <see cref="TokenHealthBoard"/> behind <c>/health</c>, and alerts the operators (through every reporter) when a token
/// is invalid or expires within 24 h — once a day per token, remembered in the database across restarts.
/// </summary>
internal sealed partial class TokenHealthMonitor(
    TokenHealthBoard board,
    PlatformModes modes,
    IOptionsMonitor<AutopostOptions> autopost,
    IEnumerable<ITokenInspector> inspectors,
    IEnumerable<IReporter> reporters,
    HostDatabase database,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<TokenHealthMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan ExpiryWindow = TimeSpan.FromHours(24);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Rizquna:Host:TokenCheckInterval", TimeSpan.FromHours(1));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckAllAsync(stoppingToken);
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    internal async Task CheckAllAsync(CancellationToken cancellationToken)
    {
        var byPlatform = inspectors.GroupBy(static i => i.Platform.Value).ToDictionary(static g => g.Key, static g => g.First(), StringComparer.Ordinal);
        foreach (var (channel, platformAccountId) in autopost.CurrentValue.Channels)
        {
            var parts = channel.Split('/', 2);
            if (parts.Length != 2 || !PlatformId.TryParse(parts[0], out var platform))
            {
                continue;
            }

            if (!modes.IsLive(platform.Value) || !byPlatform.TryGetValue(platform.Value, out var inspector))
            {
                board.Set(channel, new TokenStatus(true, null, false, modes.IsLive(platform.Value) ? "live" : "dry-run",
                    modes.IsLive(platform.Value) ? "no token inspector for this platform" : null));
                continue;
            }

            TokenHealth health;
            try
            {
                health = await inspector.InspectAsync(new AccountRef(platform, parts[1], platformAccountId), cancellationToken);
            }
            catch (PlatformException ex)
            {
                health = new TokenHealth { IsValid = false, Problem = ex.Kind.ToString() };
            }

            var now = time.GetUtcNow();
            var expiring = health.IsExpiringWithin(ExpiryWindow, now);
            board.Set(channel, new TokenStatus(health.IsValid, health.ExpiresAt, expiring, "live", health.Problem));
            if (!health.IsValid || expiring)
            {
                await AlertOncePerDayAsync(channel, health, expiring, now, cancellationToken);
            }
        }
    }

    private async Task AlertOncePerDayAsync(string channel, TokenHealth health, bool expiring, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = "token:" + channel + ":" + now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await database.MigrateAsync(cancellationToken);
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT OR IGNORE INTO host_alerts(key, last_sent_at) VALUES ($key, $at);";
            insert.Parameters.AddWithValue("$key", key);
            insert.Parameters.AddWithValue("$at", Times.Format(now));
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return;
            }
        }

        var title = health.IsValid ? $"Token for {channel} expires soon" : $"Token for {channel} is invalid";
        var body = health.IsValid
            ? $"{channel}: the token expires at {health.ExpiresAt:O}. Renew it before then."
            : $"{channel}: the platform rejects the token ({health.Problem ?? "invalid"}). Re-authorise the account.";
        foreach (var reporter in reporters)
        {
            try
            {
                await reporter.SendAsync(new Report(title, body, expiring && health.IsValid ? ReportSeverity.Warning : ReportSeverity.Critical, now)
                {
                    Type = "alert.token",
                }, cancellationToken);
            }
            catch (Exception ex) when (ex is PlatformException or HttpRequestException)
            {
                LogAlertFailed(logger, reporter.Name, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Token alert through {Reporter} failed: {Error}")]
    private static partial void LogAlertFailed(ILogger logger, string reporter, string error);
}
