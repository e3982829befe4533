using Microsoft.Data.Sqlite;

namespace Rizquna.Scheduling.Autopost.Storage;

// Idempotency keys live next to the items they queued (autopost_idempotency) and are written in the item's own savepoint
// of the group commit: a key is durable exactly when its item is, so a crash can never leave a key without its item (or
// an item without its key). The key's primary key decides races; a repeat reads the item back instead of queueing.
public sealed partial class SqliteAutopostStore
{
    /// <summary>Keys deleted per transaction when pruning: the writer lock is held for one batch at a time.</summary>
    private const int PruneBatchSize = 1_000;

    private SqliteCommand? _insertKey;
    private SqliteCommand? _selectKey;
    private SqliteCommand? _pruneKeys;

    /// <inheritdoc />
    public async Task<AutopostEnqueueResult?> FindByIdempotencyKeyAsync(AutopostIdempotency idempotency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotency);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return FindKey(idempotency, null);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<int> PruneIdempotencyKeysAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            int deleted;
            await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Prepared under the lock: the store's one connection is not for concurrent use.
                _pruneKeys ??= Prepare(
                    "DELETE FROM autopost_idempotency WHERE key IN " +
                    "(SELECT key FROM autopost_idempotency WHERE created_at < $before ORDER BY created_at LIMIT $batch)",
                    "$before", "$batch");
                using var transaction = _connection.BeginTransaction();
                var p = Bind(_pruneKeys, transaction);
                p[0].Value = Ms(recordedBefore);
                p[1].Value = PruneBatchSize;
                deleted = _pruneKeys.ExecuteNonQuery();
                transaction.Commit();
            }
            finally
            {
                _lock.Release();
            }

            total += deleted;
            if (deleted < PruneBatchSize)
            {
                return total;
            }
        }
    }

    /// <summary>Inside the writer's savepoint: the item and its key, or (key already recorded) the item recorded under it.</summary>
    private AutopostEnqueueResult InsertKeyed(AutopostItem item, AutopostIdempotency idempotency, SqliteTransaction transaction)
    {
        // Insert first, check after: a new key (the common case) costs one extra row and no read.
        var seq = InsertOne(item, transaction);
        _insertKey ??= Prepare(
            "INSERT INTO autopost_idempotency(key, request_hash, item_seq, created_at) VALUES($key, $hash, $seq, $created) ON CONFLICT(key) DO NOTHING",
            "$key", "$hash", "$seq", "$created");
        var p = Bind(_insertKey, transaction);
        p[0].Value = idempotency.Key;
        p[1].Value = idempotency.RequestHash;
        p[2].Value = seq;
        p[3].Value = Ms(item.CreatedAt);
        if (_insertKey.ExecuteNonQuery() == 1)
        {
            return new AutopostEnqueueResult(AutopostEnqueueOutcome.Created, item with { Id = seq });
        }

        // The key belongs to an earlier item: undo this one (the caller releases the savepoint).
        transaction.Rollback("item");
        return FindKey(idempotency, transaction)
            ?? throw new InvalidOperationException("An idempotency key conflicted but could not be read back.");
    }

    private AutopostEnqueueResult? FindKey(AutopostIdempotency idempotency, SqliteTransaction? transaction)
    {
        _selectKey ??= Prepare("SELECT request_hash, item_seq FROM autopost_idempotency WHERE key = $key", "$key");
        var p = Bind(_selectKey, transaction);
        p[0].Value = idempotency.Key;
        string hash;
        long seq;
        using (var reader = _selectKey.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            hash = reader.GetString(0);
            seq = reader.GetInt64(1);
        }

        var outcome = string.Equals(hash, idempotency.RequestHash, StringComparison.Ordinal)
            ? AutopostEnqueueOutcome.Replayed
            : AutopostEnqueueOutcome.KeyReused;
        return new AutopostEnqueueResult(outcome, ReadItem(seq, transaction)
            ?? throw new InvalidDataException($"Idempotency key refers to missing autopost item {seq}."));
    }

    private void DisposeIdempotency()
    {
        _insertKey?.Dispose();
        _selectKey?.Dispose();
        _pruneKeys?.Dispose();
    }
}
