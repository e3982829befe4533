using Rizquna.Scheduling.Policies;

namespace Rizquna.Scheduling.Storage.Sqlite;

public sealed partial class SqliteSchedulingStore
{
    /// <inheritdoc />
    Task<InboxCursor?> ICursorStore.GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return WithLockAsync(key, static (c, k) =>
        {
            using var cmd = Command(c, null, "SELECT cursor_value FROM rz_cursors WHERE cursor_key = @k");
            cmd.Parameters.AddWithValue("@k", k);
            return cmd.ExecuteScalar() is string value ? new InboxCursor(value) : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task SetAsync(string key, InboxCursor cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(cursor);
        return WithLockAsync((key, cursor), static (c, s) =>
        {
            using var cmd = Command(c, null, "INSERT INTO rz_cursors (cursor_key, cursor_value) VALUES (@k, @v) ON CONFLICT (cursor_key) DO UPDATE SET cursor_value = excluded.cursor_value");
            cmd.Parameters.AddWithValue("@k", s.key);
            cmd.Parameters.AddWithValue("@v", s.cursor.Value);
            return cmd.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <inheritdoc />
    Task<AccountHealth?> IAccountHealthStore.GetAsync(string account, CancellationToken cancellationToken) =>
        WithLockAsync(account, static (c, a) =>
        {
            using var cmd = Command(c, null, HealthSql + " WHERE account = @a");
            cmd.Parameters.AddWithValue("@a", a);
            var list = ReadHealth(cmd);
            return list.Count == 0 ? null : list[0];
        }, cancellationToken);

    /// <inheritdoc />
    Task<IReadOnlyList<AccountHealth>> IAccountHealthStore.ListAsync(CancellationToken cancellationToken) =>
        WithLockAsync<IReadOnlyList<AccountHealth>>(static c =>
        {
            using var cmd = Command(c, null, HealthSql + " ORDER BY account");
            return ReadHealth(cmd);
        }, cancellationToken);

    /// <inheritdoc />
    public Task SetAsync(AccountHealth health, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(health);
        return WithLockAsync(health, static (c, h) =>
        {
            using var cmd = Command(c, null,
                "INSERT INTO rz_account_health (account, status, consecutive_failures, trips, paused_until, credential_fingerprint, last_error, since) VALUES (@a, @s, @f, @t, @p, @fp, @e, @since) "
                + "ON CONFLICT (account) DO UPDATE SET status = excluded.status, consecutive_failures = excluded.consecutive_failures, trips = excluded.trips, paused_until = excluded.paused_until, "
                + "credential_fingerprint = excluded.credential_fingerprint, last_error = excluded.last_error, since = excluded.since");
            cmd.Parameters.AddWithValue("@a", h.Account);
            cmd.Parameters.AddWithValue("@s", (int)h.Status);
            cmd.Parameters.AddWithValue("@f", h.ConsecutiveFailures);
            cmd.Parameters.AddWithValue("@t", h.Trips);
            cmd.Parameters.AddWithValue("@p", Db(h.PausedUntil));
            cmd.Parameters.AddWithValue("@fp", Db(h.CredentialFingerprint));
            cmd.Parameters.AddWithValue("@e", Db(h.LastError));
            cmd.Parameters.AddWithValue("@since", Db(h.Since));
            return cmd.ExecuteNonQuery();
        }, cancellationToken);
    }

    private const string HealthSql = "SELECT account, status, consecutive_failures, trips, paused_until, credential_fingerprint, last_error, since FROM rz_account_health";

    private static List<AccountHealth> ReadHealth(Microsoft.Data.Sqlite.SqliteCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<AccountHealth>();
        while (r.Read())
        {
            list.Add(new AccountHealth
            {
                Account = r.GetString(0),
                Status = (AccountHealthStatus)r.GetInt32(1),
                ConsecutiveFailures = r.GetInt32(2),
                Trips = r.GetInt32(3),
                PausedUntil = TimeOrNull(r, 4),
                CredentialFingerprint = TextOrNull(r, 5),
                LastError = TextOrNull(r, 6),
                Since = TimeOrNull(r, 7),
            });
        }

        return list;
    }
}
