using System.Text.Json;
using Microsoft.Extensions.Options;
using Rizquna.SampleHost.Configuration;
using Rizquna.SampleHost.Storage;

namespace Rizquna.SampleHost.Events;

/// <summary>
/// Durable outbox of events for n8n: writing an event is one local insert per receiver (never a network call), so a
/// lane that raises an event is never blocked by n8n; <see cref="EventDispatcher"/> delivers in the background.
/// </summary>
public sealed class EventOutbox(HostDatabase database, IOptions<EventOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim _signal = new(0);

    internal SemaphoreSlim Signal => _signal;

    /// <summary>Whether any receiver is configured.</summary>
    public bool Enabled => options.Value.Urls.Count > 0;

    /// <summary>
    /// Records an event whose id derives from <paramref name="dedupKey"/>: publishing the same key again is a no-op.
    /// </summary>
    public Task<string?> PublishOnceAsync(string dedupKey, string type, object payload, CancellationToken cancellationToken = default)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dedupKey));
        return PublishCoreAsync("evt_" + Convert.ToHexStringLower(hash.AsSpan(0, 16)), type, payload, cancellationToken);
    }

    /// <summary>Records an event for every configured receiver; returns its id (or null when no receiver is configured).</summary>
    public Task<string?> PublishAsync(string type, object payload, CancellationToken cancellationToken = default) =>
        PublishCoreAsync("evt_" + Guid.CreateVersion7(time.GetUtcNow()).ToString("n"), type, payload, cancellationToken);

    private async Task<string?> PublishCoreAsync(string id, string type, object payload, CancellationToken cancellationToken)
    {
        var urls = options.Value.Urls;
        if (urls.Count == 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var envelope = JsonSerializer.Serialize(new EventEnvelope(id, type, now, payload), HostJson.Options);
        await database.MigrateAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = connection.BeginTransaction();
        foreach (var url in urls)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT OR IGNORE INTO host_outbox(event_id, url, type, created_at, payload, attempts, next_attempt_at, status)
                VALUES ($id, $url, $type, $at, $payload, 0, $at, 'pending');
                """;
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$url", url);
            insert.Parameters.AddWithValue("$type", type);
            insert.Parameters.AddWithValue("$at", Times.Format(now));
            insert.Parameters.AddWithValue("$payload", envelope);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        _signal.Release();
        return id;
    }

    /// <summary>Rows of the outbox, newest first (for tests and the dashboard).</summary>
    public async Task<IReadOnlyList<OutboxRow>> ListAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        await database.MigrateAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT event_id, url, type, status, attempts, last_error, created_at, delivered_at
            FROM host_outbox ORDER BY created_at DESC LIMIT $limit;
            """;
        select.Parameters.AddWithValue("$limit", limit);
        var rows = new List<OutboxRow>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5), Times.Parse(reader.GetString(6)),
                reader.IsDBNull(7) ? null : Times.Parse(reader.GetString(7))));
        }

        return rows;
    }
}

/// <summary>What n8n receives: a unique id, the type, the time and the payload.</summary>
public sealed record EventEnvelope(string Id, string Type, DateTimeOffset Time, object Payload);

/// <summary>One delivery of one event to one receiver.</summary>
public sealed record OutboxRow(string EventId, string Url, string Type, string Status, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt);
