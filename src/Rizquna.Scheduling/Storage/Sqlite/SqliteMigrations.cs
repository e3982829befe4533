using Microsoft.Data.Sqlite;

namespace Rizquna.Scheduling.Storage.Sqlite;

/// <summary>
/// Versioned schema migrations: each script runs once, in order, in its own transaction, recorded in
/// <c>rz_schema_migrations</c> per component. The DML the store uses is kept portable (no SQLite-only syntax beyond
/// <c>INTEGER PRIMARY KEY</c> ids) so a PostgreSQL dialect needs only its own DDL.
/// </summary>
public static class SqliteMigrations
{
    /// <summary>The kernel's component name in <c>rz_schema_migrations</c>.</summary>
    public const string KernelComponent = "kernel";

    internal static readonly string[] Kernel =
    [
        """
        CREATE TABLE rz_plans (
            version INTEGER NOT NULL PRIMARY KEY,
            created_at BIGINT NOT NULL,
            created_by TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            origin TEXT NOT NULL,
            job_count INTEGER NOT NULL,
            jobs_json TEXT NOT NULL);
        CREATE TABLE rz_jobs (
            name TEXT NOT NULL PRIMARY KEY,
            account TEXT NULL,
            enabled INTEGER NOT NULL,
            due_at BIGINT NULL,
            occurrence_at BIGINT NULL,
            attempt INTEGER NOT NULL,
            lease_owner TEXT NULL,
            lease_expires_at BIGINT NULL,
            lease_token BIGINT NOT NULL,
            plan_version INTEGER NOT NULL);
        CREATE INDEX ix_rz_jobs_due ON rz_jobs (enabled, due_at);
        CREATE INDEX ix_rz_jobs_account ON rz_jobs (account);
        CREATE TABLE rz_runs (
            id INTEGER PRIMARY KEY,
            job_name TEXT NOT NULL,
            lane INTEGER NOT NULL,
            account TEXT NULL,
            plan_version INTEGER NOT NULL,
            scheduled_at BIGINT NOT NULL,
            started_at BIGINT NOT NULL,
            duration_ticks BIGINT NOT NULL,
            attempt INTEGER NOT NULL,
            outcome INTEGER NOT NULL,
            error_kind INTEGER NULL,
            message TEXT NULL,
            next_attempt_at BIGINT NULL,
            correlation_id TEXT NOT NULL,
            worker TEXT NULL);
        CREATE INDEX ix_rz_runs_job ON rz_runs (job_name, id);
        CREATE INDEX ix_rz_runs_account ON rz_runs (account, id);
        CREATE INDEX ix_rz_runs_started ON rz_runs (started_at);
        CREATE TABLE rz_audit_events (
            id INTEGER PRIMARY KEY,
            at BIGINT NOT NULL,
            type TEXT NOT NULL,
            actor TEXT NOT NULL,
            job_name TEXT NULL,
            account TEXT NULL,
            plan_version INTEGER NULL,
            correlation_id TEXT NULL,
            detail TEXT NULL);
        CREATE INDEX ix_rz_audit_account ON rz_audit_events (account, id);
        CREATE INDEX ix_rz_audit_job ON rz_audit_events (job_name, id);
        CREATE INDEX ix_rz_audit_type ON rz_audit_events (type, id);
        CREATE INDEX ix_rz_audit_at ON rz_audit_events (at);
        CREATE TABLE rz_approvals (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            action_key TEXT NOT NULL UNIQUE,
            action_type TEXT NOT NULL,
            account TEXT NULL,
            job_name TEXT NULL,
            body TEXT NULL,
            reason TEXT NULL,
            status INTEGER NOT NULL,
            requested_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL,
            decided_at BIGINT NULL,
            decided_by TEXT NULL,
            note TEXT NULL,
            correlation_id TEXT NULL);
        CREATE INDEX ix_rz_approvals_pending ON rz_approvals (status, expires_at);
        CREATE TABLE rz_cursors (
            cursor_key TEXT NOT NULL PRIMARY KEY,
            cursor_value TEXT NOT NULL);
        CREATE TABLE rz_account_health (
            account TEXT NOT NULL PRIMARY KEY,
            status INTEGER NOT NULL,
            consecutive_failures INTEGER NOT NULL,
            trips INTEGER NOT NULL,
            paused_until BIGINT NULL,
            credential_fingerprint TEXT NULL,
            last_error TEXT NULL,
            since BIGINT NULL);
        """,
        // v2: the id of the object an audit event is about (e.g. the approval id of approval.* events).
        """
        ALTER TABLE rz_audit_events ADD COLUMN subject_id TEXT NULL;
        """,
    ];

    /// <summary>
    /// Applies the scripts of <paramref name="component"/> not yet applied (script i is version i + 1). Other packages
    /// sharing the database (the lanes) use their own component name.
    /// </summary>
    public static void Apply(SqliteConnection connection, string component, IReadOnlyList<string> scripts)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        ArgumentNullException.ThrowIfNull(scripts);
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS rz_schema_migrations (component TEXT NOT NULL, version INTEGER NOT NULL, applied_at BIGINT NOT NULL, PRIMARY KEY (component, version))";
            create.ExecuteNonQuery();
        }

        for (var i = 0; i < scripts.Count; i++)
        {
            var version = i + 1;
            using var tx = connection.BeginTransaction();
            using (var check = connection.CreateCommand())
            {
                check.Transaction = tx;
                check.CommandText = "SELECT COUNT(*) FROM rz_schema_migrations WHERE component = @c AND version = @v";
                check.Parameters.AddWithValue("@c", component);
                check.Parameters.AddWithValue("@v", version);
                if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    continue;
                }
            }

            using (var run = connection.CreateCommand())
            {
                run.Transaction = tx;
                run.CommandText = scripts[i];
                run.ExecuteNonQuery();
            }

            using (var record = connection.CreateCommand())
            {
                record.Transaction = tx;
                record.CommandText = "INSERT INTO rz_schema_migrations (component, version, applied_at) VALUES (@c, @v, @t)";
                record.Parameters.AddWithValue("@c", component);
                record.Parameters.AddWithValue("@v", version);
                record.Parameters.AddWithValue("@t", DateTimeOffset.UtcNow.UtcTicks);
                record.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    /// <summary>Opens a connection with the settings the kernel relies on: WAL, full sync on commit, a busy timeout.</summary>
    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
