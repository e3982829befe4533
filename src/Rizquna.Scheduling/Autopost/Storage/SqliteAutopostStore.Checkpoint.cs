using Microsoft.Data.Sqlite;

namespace Rizquna.Scheduling.Autopost.Storage;

// WAL checkpoints off the insert path: SQLite's automatic checkpoint runs inside the commit that crosses the threshold,
// stalling every caller of that group for the copy + fsync of the database file (the ingest p99 tail). A second connection
// runs a PASSIVE checkpoint every second instead (it never blocks writers); the automatic one stays as a larger backstop.
// Durability is unchanged: a commit is durable once its WAL frames are synced, whenever they are checkpointed.
public sealed partial class SqliteAutopostStore
{
    private const int AutoCheckpointPages = 10_000;
    private static readonly TimeSpan CheckpointEvery = TimeSpan.FromSeconds(1);
    private readonly Lock _checkpointGate = new();
    private Timer? _checkpointTimer;
    private SqliteConnection? _checkpointConnection;
    private bool _checkpointStopped;

    private void StartCheckpointer(string connectionString)
    {
        _checkpointConnection = new SqliteConnection(connectionString);
        _checkpointTimer = new Timer(static s => ((SqliteAutopostStore)s!).Checkpoint(), this, CheckpointEvery, CheckpointEvery);
    }

    private void Checkpoint()
    {
        lock (_checkpointGate)
        {
            if (_checkpointStopped || _checkpointConnection is null)
            {
                return;
            }

            try
            {
                if (_checkpointConnection.State != System.Data.ConnectionState.Open)
                {
                    _checkpointConnection.Open();
                }

                using var command = _checkpointConnection.CreateCommand();
                command.CommandText = "PRAGMA busy_timeout=0; PRAGMA wal_checkpoint(PASSIVE);";
                command.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // Busy or locked: the next tick (or the automatic backstop) checkpoints.
            }
        }
    }

    private void StopCheckpointer()
    {
        _checkpointTimer?.Dispose();
        lock (_checkpointGate)
        {
            _checkpointStopped = true;
            _checkpointConnection?.Dispose();
        }
    }
}
