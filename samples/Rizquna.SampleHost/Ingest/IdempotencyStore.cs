using Rizquna.SampleHost.Storage;

namespace Rizquna.SampleHost.Ingest;

/// <summary>
/// First responses by <c>Idempotency-Key</c> (scoped to the caller), kept so a repeated key replays the same answer.
/// </summary>
public sealed class IdempotencyStore(HostDatabase database, TimeProvider time)
{
    /// <summary>The stored response for a key, or null.</summary>
    public async Task<StoredResponse?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await database.MigrateAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT request_hash, status, body FROM host_idempotency WHERE key = $key;";
        select.Parameters.AddWithValue("$key", key);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredResponse(reader.GetString(0), reader.GetInt32(1), reader.GetString(2))
            : null;
    }

    /// <summary>Stores the first response for a key (a concurrent second writer loses and keeps the first).</summary>
    public async Task SaveAsync(string key, StoredResponse response, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT OR IGNORE INTO host_idempotency(key, request_hash, status, body, created_at)
            VALUES ($key, $hash, $status, $body, $at);
            """;
        insert.Parameters.AddWithValue("$key", key);
        insert.Parameters.AddWithValue("$hash", response.RequestHash);
        insert.Parameters.AddWithValue("$status", response.Status);
        insert.Parameters.AddWithValue("$body", response.Body);
        insert.Parameters.AddWithValue("$at", Times.Format(time.GetUtcNow()));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>A response kept for replay.</summary>
public sealed record StoredResponse(string RequestHash, int Status, string Body);
