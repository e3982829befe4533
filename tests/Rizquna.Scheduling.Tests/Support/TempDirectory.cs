using Microsoft.Data.Sqlite;

namespace Rizquna.Scheduling.Tests.Support;

/// <summary>A temporary folder for SQLite files, removed (best effort, after closing pooled connections) on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("rz-kernel-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
