namespace Rizquna.Scheduling.Storage;

/// <summary>The kernel's store implementations.</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file (WAL): survives restarts.</summary>
    Sqlite,
    /// <summary>In process memory: lost on exit.</summary>
    InMemory,
}
