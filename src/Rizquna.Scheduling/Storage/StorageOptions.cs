namespace Rizquna.Scheduling.Storage;

/// <summary>Where the kernel keeps its state.</summary>
public sealed class StorageOptions
{
    /// <summary>The store: <see cref="StorageProvider.Sqlite"/> (default, embedded) or <see cref="StorageProvider.InMemory"/> (tests, demos).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite file. Default <c>rizquna-scheduling.db</c> in the working directory. Ignored when <see cref="ConnectionString"/> is set.</summary>
    public string SqlitePath { get; set; } = "rizquna-scheduling.db";

    /// <summary>The in-memory store keeps at most this many runs and as many audit events (oldest dropped first). Default 1,000,000.</summary>
    public int InMemoryMaxRecords { get; set; } = 1_000_000;

    /// <summary>A full SQLite connection string, overriding <see cref="SqlitePath"/>.</summary>
    public string? ConnectionString { get; set; }
}
