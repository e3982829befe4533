using Microsoft.Data.Sqlite;
using Rizquna.Scheduling.Lanes.Storage;
using static Rizquna.Scheduling.Lanes.Storage.SqliteLaneDatabase;

namespace Rizquna.Scheduling.Lanes.Publishing;

/// <summary>A durable <see cref="IPostLedger"/> on SQLite (synchronous FULL: the intent is on disk before the platform is called).</summary>
public sealed class SqlitePostLedger : IPostLedger
{
    private const string Columns = "account, item_id, idempotency_key, state, occurrence, started_at, post_id, permalink, published_at, error, updated_at";
    private readonly SqliteLaneDatabase _database;

    /// <summary>Opens (and creates when needed) the ledger at <paramref name="connectionString"/>.</summary>
    public SqlitePostLedger(string connectionString) => _database = new SqliteLaneDatabase(connectionString);

    /// <inheritdoc />
    public Task<PostLedgerEntry?> GetAsync(string account, string itemId, CancellationToken cancellationToken = default)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM lane_posts WHERE account = $account AND item_id = $item";
        command.Parameters.AddWithValue("$account", account);
        command.Parameters.AddWithValue("$item", itemId);
        return Task.FromResult(ReadAll(command).FirstOrDefault());
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PostLedgerEntry>> ListAsync(string account, CancellationToken cancellationToken = default)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM lane_posts WHERE account = $account";
        command.Parameters.AddWithValue("$account", account);
        return Task.FromResult<IReadOnlyList<PostLedgerEntry>>(ReadAll(command));
    }

    /// <inheritdoc />
    public Task SaveAsync(PostLedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT OR REPLACE INTO lane_posts({Columns}) VALUES($account, $item, $key, $state, $occurrence, $started, $post, $link, $published, $error, $updated)";
        command.Parameters.AddWithValue("$account", entry.Account);
        command.Parameters.AddWithValue("$item", entry.ItemId);
        command.Parameters.AddWithValue("$key", entry.IdempotencyKey);
        command.Parameters.AddWithValue("$state", entry.State.ToString());
        command.Parameters.AddWithValue("$occurrence", Ms(entry.Occurrence));
        command.Parameters.AddWithValue("$started", Ms(entry.StartedAt));
        command.Parameters.AddWithValue("$post", Db(entry.PlatformPostId));
        command.Parameters.AddWithValue("$link", Db(entry.Permalink?.OriginalString));
        command.Parameters.AddWithValue("$published", entry.PublishedAt is { } p ? Ms(p) : DBNull.Value);
        command.Parameters.AddWithValue("$error", Db(entry.Error));
        command.Parameters.AddWithValue("$updated", Ms(entry.UpdatedAt));
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PostLedgerEntry>> ListChangedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM lane_posts WHERE updated_at >= $from AND updated_at < $to ORDER BY updated_at";
        command.Parameters.AddWithValue("$from", Ms(from));
        command.Parameters.AddWithValue("$to", Ms(to));
        return Task.FromResult<IReadOnlyList<PostLedgerEntry>>(ReadAll(command));
    }

    private static List<PostLedgerEntry> ReadAll(SqliteCommand command)
    {
        var list = new List<PostLedgerEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new PostLedgerEntry
            {
                Account = reader.GetString(0),
                ItemId = reader.GetString(1),
                IdempotencyKey = reader.GetString(2),
                State = Enum.Parse<PostLedgerState>(reader.GetString(3)),
                Occurrence = FromMs(reader.GetInt64(4)),
                StartedAt = FromMs(reader.GetInt64(5)),
                PlatformPostId = Text(reader, 6),
                Permalink = Text(reader, 7) is { } link ? new Uri(link) : null,
                PublishedAt = reader.IsDBNull(8) ? null : FromMs(reader.GetInt64(8)),
                Error = Text(reader, 9),
                UpdatedAt = FromMs(reader.GetInt64(10)),
            });
        }

        return list;
    }
}
