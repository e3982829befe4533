using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Rizquna.SampleHost.Configuration;
using Rizquna.SampleHost.Storage;

namespace Rizquna.SampleHost.Tests.Storage;

public sealed class HostSchemaTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rz-host-schema-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Upgrading_drops_the_unused_idempotency_table_and_keeps_the_rest()
    {
        var database = new HostDatabase(Options.Create(new SampleHostOptions { DataDirectory = _dir }));
        // A database as the previous release left it: the first two steps, with a key in the old table.
        await using (var old = await database.OpenAsync())
        {
            await using var setup = old.CreateCommand();
            setup.CommandText = HostSchema.Migrations[0] + ";" + HostSchema.Migrations[1] + """
                ;
                CREATE TABLE host_schema (version INTEGER NOT NULL); INSERT INTO host_schema(version) VALUES (2);
                INSERT INTO host_idempotency VALUES ('k', 'h', 201, '{}', '2026-12-01T00:00:00Z');
                INSERT INTO host_alerts VALUES ('token:telegram/001', '2026-12-01T00:00:00Z');
                """;
            await setup.ExecuteNonQueryAsync();
        }

        await database.MigrateAsync();

        await using var connection = await database.OpenAsync();
        Assert.Equal(HostSchema.Migrations.Length, await ScalarAsync(connection, "SELECT version FROM host_schema"));
        Assert.Equal(0, await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'host_idempotency'"));
        Assert.Equal(1, await ScalarAsync(connection, "SELECT count(*) FROM host_alerts"));
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
