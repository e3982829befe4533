using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Rizquna.SampleHost.Configuration;
using Rizquna.SampleHost.Security;
using Rizquna.SampleHost.Storage;

namespace Rizquna.SampleHost.Events;

/// <summary>
/// Delivers outbox rows: signs each body, POSTs it, and on failure schedules the next attempt with doubling delays
/// (first delay … cap) until <see cref="EventOptions.MaxAttempts"/>, then marks the row dead. Runs on its own loop so a
/// slow or absent n8n never slows the lanes.
/// </summary>
internal sealed partial class EventDispatcher(
    HostDatabase database,
    EventOutbox outbox,
    IHttpClientFactory httpClients,
    IOptions<EventOptions> options,
    TimeProvider time,
    ILogger<EventDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "rizquna-events";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var delivered = await DeliverDueAsync(stoppingToken);
                if (delivered > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is SqliteException or IOException)
            {
                LogStoreError(logger, ex.Message);
            }

            try
            {
                await outbox.Signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends every due row once; returns how many were attempted.</summary>
    internal async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        var due = new List<(string Id, string Url, string Type, string Payload, int Attempts)>();
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = """
                SELECT event_id, url, type, payload, attempts FROM host_outbox
                WHERE status = 'pending' AND next_attempt_at <= $now ORDER BY next_attempt_at LIMIT 20;
                """;
            select.Parameters.AddWithValue("$now", Times.Format(time.GetUtcNow()));
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                due.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4)));
            }
        }

        foreach (var row in due)
        {
            var error = await SendAsync(row.Id, row.Url, row.Type, row.Payload, cancellationToken);
            await RecordAsync(row.Id, row.Url, row.Attempts + 1, error, cancellationToken);
        }

        return due.Count;
    }

    private async Task<string?> SendAsync(string id, string url, string type, string payload, CancellationToken cancellationToken)
    {
        try
        {
            var body = Encoding.UTF8.GetBytes(payload);
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
            };
            request.Headers.Add("X-Rizquna-Event", type);
            request.Headers.Add("X-Rizquna-Event-Id", id);
            request.Headers.Add(HmacSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(options.Value.Secret))
            {
                request.Headers.Add(HmacSignature.SignatureHeader, HmacSignature.Sign(options.Value.Secret, timestamp, body));
            }

            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException ex)
        {
            return ex.HttpRequestError.ToString();
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "timeout";
        }
    }

    private async Task RecordAsync(string id, string url, int attempts, string? error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        string status;
        DateTimeOffset next = now;
        if (error is null)
        {
            status = "delivered";
        }
        else if (attempts >= settings.MaxAttempts)
        {
            status = "dead";
            LogGaveUp(logger, id, attempts, error);
        }
        else
        {
            status = "pending";
            var delay = settings.FirstRetryDelay * Math.Pow(2, attempts - 1);
            next = now + (delay > settings.MaxRetryDelay ? settings.MaxRetryDelay : delay);
            LogRetry(logger, id, attempts, error);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE host_outbox SET attempts = $attempts, status = $status, last_error = $error, next_attempt_at = $next,
                delivered_at = CASE WHEN $status = 'delivered' THEN $now ELSE NULL END
            WHERE event_id = $id AND url = $url;
            """;
        update.Parameters.AddWithValue("$attempts", attempts);
        update.Parameters.AddWithValue("$status", status);
        update.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        update.Parameters.AddWithValue("$next", Times.Format(next));
        update.Parameters.AddWithValue("$now", Times.Format(now));
        update.Parameters.AddWithValue("$id", id);
        update.Parameters.AddWithValue("$url", url);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} delivery attempt {Attempt} failed ({Error}); will retry")]
    private static partial void LogRetry(ILogger logger, string eventId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {EventId} given up after {Attempt} attempts ({Error})")]
    private static partial void LogGaveUp(ILogger logger, string eventId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event outbox store error: {Message}")]
    private static partial void LogStoreError(ILogger logger, string message);
}
