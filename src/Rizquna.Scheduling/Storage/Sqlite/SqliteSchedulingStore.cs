using Microsoft.Data.Sqlite;

namespace Rizquna.Scheduling.Storage.Sqlite;

/// <summary>
/// All kernel stores in one SQLite file (WAL, full sync on commit): every write is committed before the call returns,
/// so a killed process loses nothing it reported as done. Claims run in an immediate (write-locked) transaction, so
/// two workers on the same file never hold the same job. One connection per store, serialised by a gate; batches of
/// claims and completions each take one transaction.
/// </summary>
public sealed partial class SqliteSchedulingStore : IPlanStore, IJobStore, Audit.IAuditLog, IApprovalStore, ICursorStore, IAccountHealthStore, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    /// <summary>Opens (creating and migrating when needed) the database of <paramref name="connectionString"/>.</summary>
    public SqliteSchedulingStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ConnectionString = connectionString;
        _connection = SqliteMigrations.Open(connectionString);
        SqliteMigrations.Apply(_connection, SqliteMigrations.KernelComponent, SqliteMigrations.Kernel);
    }

    /// <summary>The connection string, for other components that keep their tables in the same file.</summary>
    public string ConnectionString { get; }

    /// <summary>Closes the connection. Everything written is already durable.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _claimSelect?.Dispose();
        _claimUpdate?.Dispose();
        _insertRun?.Dispose();
        _insertEvent?.Dispose();
        _moveJob?.Dispose();
        _connection.Dispose();
        _gate.Dispose();
    }

    private async Task<T> WithLockAsync<T>(Func<SqliteConnection, T> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return action(_connection);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<T> WithLockAsync<TState, T>(TState state, Func<SqliteConnection, TState, T> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return action(_connection, state);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    private static object Db(object? value) => value ?? DBNull.Value;

    private static object Db(DateTimeOffset? value) => value is { } v ? v.UtcTicks : DBNull.Value;

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    private static DateTimeOffset? TimeOrNull(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Time(reader.GetInt64(ordinal));

    private static string? TextOrNull(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
