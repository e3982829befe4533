using Microsoft.Data.Sqlite;

namespace Rizquna.Scheduling.Lanes.Storage;

/// <summary>
/// Opens connections to the lanes' SQLite file (pooled by Microsoft.Data.Sqlite) and creates the lanes' tables once.
/// WAL with synchronous FULL: a write is on disk when the call returns.
/// </summary>
internal sealed class SqliteLaneDatabase
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS lane_inbox(
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            account TEXT NOT NULL,
            account_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            thread_id TEXT,
            author_id TEXT,
            author_name TEXT,
            text TEXT,
            created_at INTEGER NOT NULL,
            is_from_self INTEGER NOT NULL,
            can_reply INTEGER NOT NULL,
            raw_json TEXT,
            metadata TEXT,
            received_at INTEGER NOT NULL,
            state TEXT NOT NULL,
            reply_text TEXT,
            reply_id TEXT,
            note TEXT,
            updated_at INTEGER NOT NULL,
            UNIQUE(account, item_id));
        CREATE INDEX IF NOT EXISTS ix_lane_inbox_actionable ON lane_inbox(account, state, seq);
        CREATE INDEX IF NOT EXISTS ix_lane_inbox_received ON lane_inbox(received_at);
        CREATE INDEX IF NOT EXISTS ix_lane_inbox_updated ON lane_inbox(updated_at);
        CREATE INDEX IF NOT EXISTS ix_lane_inbox_author ON lane_inbox(account, author_id, updated_at);
        CREATE TABLE IF NOT EXISTS lane_posts(
            account TEXT NOT NULL,
            item_id TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            state TEXT NOT NULL,
            occurrence INTEGER NOT NULL,
            started_at INTEGER NOT NULL,
            post_id TEXT,
            permalink TEXT,
            published_at INTEGER,
            error TEXT,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY(account, item_id));
        CREATE INDEX IF NOT EXISTS ix_lane_posts_updated ON lane_posts(updated_at);
        """;

    private readonly string _connectionString;
    private readonly Lazy<bool> _created;

    public SqliteLaneDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString;
        _created = new Lazy<bool>(Create, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public SqliteConnection Open()
    {
        _ = _created.Value;
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private bool Create()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;" + Schema;
        command.ExecuteNonQuery();
        return true;
    }

    public static long Ms(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static object Db(string? value) => value is null ? DBNull.Value : value;

    public static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
