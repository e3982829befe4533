using Rizquna.Scheduling.Storage;
using Rizquna.Scheduling.Storage.InMemory;

namespace Rizquna.Scheduling.Hosting;

/// <summary>Creates the store the options name.</summary>
internal static class SchedulingStoreFactory
{
    public static SchedulingStore Create(StorageOptions options) => options.Provider switch
    {
        StorageProvider.InMemory => new SchedulingStore(new InMemorySchedulingStore(options.InMemoryMaxRecords)),
        _ => new SchedulingStore(new Storage.Sqlite.SqliteSchedulingStore(options.ConnectionString ?? $"Data Source={options.SqlitePath}")),
    };
}
