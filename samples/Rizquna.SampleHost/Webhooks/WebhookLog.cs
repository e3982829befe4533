using System.Security.Cryptography;
using System.Text;
using Rizquna.SampleHost.Storage;

namespace Rizquna.SampleHost.Webhooks;

/// <summary>
/// Every inbound webhook delivery (accepted or not) with its outcome, and the signatures already seen (a delivery
/// replayed within the tolerance window is rejected because its signature is already here).
/// </summary>
public sealed class WebhookLog(HostDatabase database, TimeProvider time)
{
    private const int MaxStoredBody = 8 * 1024;

    /// <summary>Remembers a signature; false when it was seen before (a replay).</summary>
    public async Task<bool> TryRememberAsync(string source, string signature, TimeSpan keepFor, CancellationToken cancellationToken = default)
    {
        await database.MigrateAsync(cancellationToken);
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            DELETE FROM host_webhook_seen WHERE seen_at < $old;
            INSERT OR IGNORE INTO host_webhook_seen(source, signature, seen_at) VALUES ($source, $signature, $now);
            SELECT changes();
            """;
        insert.Parameters.AddWithValue("$old", Times.Format(now - keepFor));
        insert.Parameters.AddWithValue("$source", source);
        insert.Parameters.AddWithValue("$signature", signature);
        insert.Parameters.AddWithValue("$now", Times.Format(now));
        return Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>Appends a delivery to the log. Bodies are kept only when accepted (a rejected body may be hostile), truncated.</summary>
    public async Task RecordAsync(string source, string outcome, string? detail, ReadOnlyMemory<byte> body, bool keepBody, CancellationToken cancellationToken = default)
    {
        await database.MigrateAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO host_webhook_log(source, received_at, outcome, detail, body_sha256, body)
            VALUES ($source, $at, $outcome, $detail, $sha, $body);
            """;
        insert.Parameters.AddWithValue("$source", source);
        insert.Parameters.AddWithValue("$at", Times.Format(time.GetUtcNow()));
        insert.Parameters.AddWithValue("$outcome", outcome);
        insert.Parameters.AddWithValue("$detail", (object?)detail ?? DBNull.Value);
        insert.Parameters.AddWithValue("$sha", Convert.ToHexStringLower(SHA256.HashData(body.Span)));
        insert.Parameters.AddWithValue("$body", keepBody
            ? Encoding.UTF8.GetString(body.Span[..Math.Min(body.Length, MaxStoredBody)])
            : DBNull.Value);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The latest deliveries, newest first.</summary>
    public async Task<IReadOnlyList<WebhookLogEntry>> ListAsync(string? source = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        await database.MigrateAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT id, source, received_at, outcome, detail, body_sha256 FROM host_webhook_log
            WHERE ($source IS NULL OR source = $source) ORDER BY id DESC LIMIT $limit;
            """;
        select.Parameters.AddWithValue("$source", (object?)source ?? DBNull.Value);
        select.Parameters.AddWithValue("$limit", limit);
        var rows = new List<WebhookLogEntry>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new WebhookLogEntry(reader.GetInt64(0), reader.GetString(1), Times.Parse(reader.GetString(2)),
                reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5)));
        }

        return rows;
    }
}

/// <summary>One logged delivery.</summary>
public sealed record WebhookLogEntry(long Id, string Source, DateTimeOffset ReceivedAt, string Outcome, string? Detail, string BodySha256);
