using System.Security.Cryptography;
using System.Text;
using Rizquna.SampleHost.Storage;

namespace Rizquna.SampleHost.Clicks;

/// <summary>Self-hosted short links (<c>/go/{id}</c>) and the clicks on them.</summary>
public sealed class LinkStore(HostDatabase database, TimeProvider time)
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Mints a link id for a target and what it was published for.</summary>
    public async Task<string> CreateAsync(Uri target, string? queueItemId, string? platform, string? account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        await database.MigrateAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var id = RandomNumberGenerator.GetString(Alphabet, 8);
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT OR IGNORE INTO host_links(id, target, queue_item_id, platform, account, created_at)
                VALUES ($id, $target, $item, $platform, $account, $at);
                """;
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$target", target.AbsoluteUri);
            insert.Parameters.AddWithValue("$item", (object?)queueItemId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$platform", (object?)platform ?? DBNull.Value);
            insert.Parameters.AddWithValue("$account", (object?)account ?? DBNull.Value);
            insert.Parameters.AddWithValue("$at", Times.Format(time.GetUtcNow()));
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1 || attempt > 5)
            {
                return id;
            }
        }
    }

    /// <summary>Records a click and returns the target, or null for an unknown id. Only a hash of the user agent is kept.</summary>
    public async Task<Uri?> ClickAsync(string id, string? userAgent, CancellationToken cancellationToken = default)
    {
        await database.MigrateAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT target FROM host_links WHERE id = $id;";
        select.Parameters.AddWithValue("$id", id);
        if (await select.ExecuteScalarAsync(cancellationToken) is not string target)
        {
            return null;
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO host_clicks(link_id, clicked_at, ua_hash) VALUES ($id, $at, $ua);";
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$at", Times.Format(time.GetUtcNow()));
        insert.Parameters.AddWithValue("$ua", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userAgent ?? string.Empty)))[..16]);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return new Uri(target);
    }

    /// <summary>Links with their click counts, newest first; optionally only those of one queue item.</summary>
    public async Task<IReadOnlyList<LinkStats>> ListAsync(string? queueItemId = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        await database.MigrateAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT l.id, l.target, l.queue_item_id, l.platform, l.account, l.created_at,
                   (SELECT COUNT(*) FROM host_clicks c WHERE c.link_id = l.id),
                   (SELECT MAX(clicked_at) FROM host_clicks c WHERE c.link_id = l.id)
            FROM host_links l WHERE ($item IS NULL OR l.queue_item_id = $item)
            ORDER BY l.created_at DESC LIMIT $limit;
            """;
        select.Parameters.AddWithValue("$item", (object?)queueItemId ?? DBNull.Value);
        select.Parameters.AddWithValue("$limit", limit);
        var rows = new List<LinkStats>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new LinkStats(reader.GetString(0), new Uri(reader.GetString(1)),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), Times.Parse(reader.GetString(5)), reader.GetInt32(6),
                reader.IsDBNull(7) ? null : Times.Parse(reader.GetString(7))));
        }

        return rows;
    }
}

/// <summary>A short link and how often it was followed.</summary>
public sealed record LinkStats(string Id, Uri Target, string? QueueItemId, string? Platform, string? Account,
    DateTimeOffset CreatedAt, int Clicks, DateTimeOffset? LastClickAt)
{
    /// <summary>The channel (<c>platform/account</c>) the link was posted to, when the account is known.</summary>
    public string? Channel => Platform is not null && Account is not null ? Platform + "/" + Account : null;
}
