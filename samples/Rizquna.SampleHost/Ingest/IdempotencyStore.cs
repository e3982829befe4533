using Rizquna.SampleHost.Storage;

namespace Rizquna.SampleHost.Ingest;

/// <summary>
/// First responses by <c>Idempotency-Key</c> (scoped to the caller), kept so a repeated key replays the same answer.
/// A key is reserved (status 0) durably before the item is queued and completed after, so a crash between the two leaves
/// an unresolved reservation rather than a key that would queue the same content a second time.
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

    /// <summary>Status of a reservation whose outcome was never recorded (the process stopped mid-ingest).</summary>
    public const int Unresolved = 0;

    /// <summary>Reserves a key before its item is queued; false when the key already has a row.</summary>
    public async Task<bool> ReserveAsync(string key, string requestHash, CancellationToken cancellationToken = default)
    {
        await database.MigrateAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT OR IGNORE INTO host_idempotency(key, request_hash, status, body, created_at)
            VALUES ($key, $hash, 0, '', $at);
            """;
        insert.Parameters.AddWithValue("$key", key);
        insert.Parameters.AddWithValue("$hash", requestHash);
        insert.Parameters.AddWithValue("$at", Times.Format(time.GetUtcNow()));
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Records the answer of a reserved key.</summary>
    public async Task CompleteAsync(string key, StoredResponse response, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE host_idempotency SET status = $status, body = $body WHERE key = $key AND status = 0;";
        update.Parameters.AddWithValue("$key", key);
        update.Parameters.AddWithValue("$status", response.Status);
        update.Parameters.AddWithValue("$body", response.Body);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Drops a reservation whose request queued nothing (rejected input or a failed write), so the key can be reused.</summary>
    public async Task ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM host_idempotency WHERE key = $key AND status = 0;";
        delete.Parameters.AddWithValue("$key", key);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>A response kept for replay.</summary>
public sealed record StoredResponse(string RequestHash, int Status, string Body);
