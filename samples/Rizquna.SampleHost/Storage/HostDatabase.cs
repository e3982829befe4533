using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Rizquna.SampleHost.Configuration;

namespace Rizquna.SampleHost.Storage;

/// <summary>
/// The host's own tables (webhook log, short links and clicks, event outbox, alert memory) in the
/// embedded SQLite file shared with the kernel. Host tables are prefixed <c>host_</c> and versioned in their own table so
/// they never collide with the kernel's migrations.
/// </summary>
public sealed class HostDatabase
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _migrationLock = new(1, 1);
    private int _migrated;

    /// <summary>Creates the database over the configured file, creating its folder.</summary>
    public HostDatabase(IOptions<SampleHostOptions> options)
    {
        var path = options.Value.DatabasePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FilePath = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <summary>The connection string (also handed to the kernel's SQLite stores).</summary>
    public string ConnectionString => _connectionString;

    /// <summary>Opens a connection: WAL, full sync (a 2xx means the row is on disk), a busy timeout for concurrent writers.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Creates or upgrades the host tables; safe to call many times.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _migrated) == 1)
        {
            return;
        }

        await _migrationLock.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _migrated) == 0)
            {
                await MigrateCoreAsync(cancellationToken);
                Volatile.Write(ref _migrated, 1);
            }
        }
        finally
        {
            _migrationLock.Release();
        }
    }

    private async Task MigrateCoreAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS host_schema (version INTEGER NOT NULL);";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        // Each step re-reads the version inside a write transaction: another process may have migrated meanwhile.
        for (var i = 0; i < HostSchema.Migrations.Length; i++)
        {
            await using var tx = connection.BeginTransaction(); // IMMEDIATE: takes the write lock first
            if (await ReadVersionAsync(connection, tx, cancellationToken) > i)
            {
                continue;
            }

            await using (var step = connection.CreateCommand())
            {
                step.Transaction = tx;
                step.CommandText = HostSchema.Migrations[i] + "; DELETE FROM host_schema; INSERT INTO host_schema(version) VALUES ($v);";
                step.Parameters.AddWithValue("$v", i + 1);
                await step.ExecuteNonQueryAsync(cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
        }
    }

    private static async Task<int> ReadVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT version FROM host_schema LIMIT 1;";
        var value = await read.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
