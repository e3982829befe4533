using Rizquna.Scheduling.Autopost;
using Rizquna.Scheduling.Autopost.Storage;
using Rizquna.Scheduling.Tests.Lanes;

namespace Rizquna.Scheduling.Tests.Autopost;

/// <summary>Creates the store under test: <c>memory</c> or <c>sqlite</c> (a real file).</summary>
internal sealed class AutopostStoreFactory : IDisposable
{
    private readonly TempFolder _folder = new();
    private SqliteAutopostStore? _sqlite;

    public IAutopostStore Create(string kind) => kind switch
    {
        "memory" => new InMemoryAutopostStore(),
        "sqlite" => _sqlite = new SqliteAutopostStore(_folder.SqliteConnectionString("autopost.db")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A second store over the same SQLite file (a restarted process).</summary>
    public IAutopostStore Reopen() => new SqliteAutopostStore(_folder.SqliteConnectionString("autopost.db"));

    public void Dispose()
    {
        _sqlite?.Dispose();
        _folder.Dispose();
    }
}
