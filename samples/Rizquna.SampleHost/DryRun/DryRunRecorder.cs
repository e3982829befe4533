using System.Text.Json.Nodes;
using Rizquna.Scheduling.Audit;
using Rizquna.SampleHost.Storage;

namespace Rizquna.SampleHost.DryRun;

/// <summary>Keeps what a dry-run publisher or responder would have sent: in the host table and on the timeline.</summary>
public sealed partial class DryRunRecorder(HostDatabase database, TimeProvider time, IServiceProvider services, ILogger<DryRunRecorder> logger)
{
    /// <summary>Records one would-be request; returns its id.</summary>
    public async Task<string> RecordAsync(string kind, AccountRef account, string idempotencyKey, JsonObject request, CancellationToken cancellationToken = default)
    {
        var id = "dry-" + Guid.CreateVersion7().ToString("n")[..20];
        var json = request.ToJsonString();
        var now = time.GetUtcNow();
        await database.MigrateAsync(cancellationToken);
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO host_dry_run(id, kind, platform, account, idempotency_key, request, created_at)
                VALUES ($id, $kind, $platform, $account, $key, $request, $at);
                """;
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$kind", kind);
            insert.Parameters.AddWithValue("$platform", account.Platform.Value);
            insert.Parameters.AddWithValue("$account", account.ToString());
            insert.Parameters.AddWithValue("$key", idempotencyKey);
            insert.Parameters.AddWithValue("$request", json);
            insert.Parameters.AddWithValue("$at", Times.Format(now));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (services.GetService<IAuditLog>() is { } audit)
        {
            await audit.AppendAsync(new AuditEvent
            {
                At = now,
                Type = "dry_run." + kind,
                Actor = "dry-run",
                Account = account.ToString(),
                CorrelationId = idempotencyKey,
                Detail = "DRY-RUN, not sent: " + json,
            }, cancellationToken);
        }

        LogDryRun(logger, kind, account.ToString(), json);
        return id;
    }

    /// <summary>The latest records, newest first.</summary>
    public async Task<IReadOnlyList<DryRunRecord>> ListAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        await database.MigrateAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, kind, account, idempotency_key, request, created_at FROM host_dry_run ORDER BY created_at DESC LIMIT $limit;";
        select.Parameters.AddWithValue("$limit", limit);
        var rows = new List<DryRunRecord>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new DryRunRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                JsonNode.Parse(reader.GetString(4))!, Times.Parse(reader.GetString(5))));
        }

        return rows;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DRY-RUN {Kind} for {Account}: not sent to the platform; would have sent {Request}")]
    private static partial void LogDryRun(ILogger logger, string kind, string account, string request);
}

/// <summary>One recorded would-be request.</summary>
public sealed record DryRunRecord(string Id, string Kind, string Account, string IdempotencyKey, JsonNode Request, DateTimeOffset CreatedAt);
