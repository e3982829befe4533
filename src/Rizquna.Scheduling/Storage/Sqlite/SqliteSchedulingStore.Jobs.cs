using Microsoft.Data.Sqlite;
using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Runs;

namespace Rizquna.Scheduling.Storage.Sqlite;

public sealed partial class SqliteSchedulingStore
{
    private const string ClaimSelectSql =
        "SELECT name, account, due_at, occurrence_at, attempt, lease_token FROM rz_jobs "
        + "WHERE enabled = 1 AND due_at <= @now AND (lease_expires_at IS NULL OR lease_expires_at <= @now) "
        + "ORDER BY due_at, name LIMIT @max";

    private const string InsertRunSql =
        "INSERT INTO rz_runs (job_name, lane, account, plan_version, scheduled_at, started_at, duration_ticks, attempt, outcome, error_kind, message, next_attempt_at, correlation_id, worker) "
        + "VALUES (@job, @lane, @account, @pv, @scheduled, @started, @duration, @attempt, @outcome, @kind, @message, @next, @corr, @worker)";

    private const string InsertEventSql =
        "INSERT INTO rz_audit_events (at, type, actor, job_name, account, plan_version, correlation_id, detail, subject_id) "
        + "VALUES (@at, @type, @actor, @job, @account, @pv, @corr, @detail, @subject)";

    private SqliteCommand? _claimSelect;
    private SqliteCommand? _claimUpdate;
    private SqliteCommand? _insertRun;
    private SqliteCommand? _insertEvent;
    private SqliteCommand? _moveJob;

    /// <inheritdoc />
    public Task SyncAsync(int planVersion, IReadOnlyList<JobSeed> jobs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return WithLockAsync((planVersion, jobs), static (c, s) =>
        {
            using var tx = c.BeginTransaction();
            using var exists = Command(c, tx, "SELECT 1 FROM rz_jobs WHERE name = @n");
            var pExists = exists.Parameters.Add("@n", SqliteType.Text);
            using var insert = Command(c, tx, "INSERT INTO rz_jobs (name, account, enabled, due_at, occurrence_at, attempt, lease_owner, lease_expires_at, lease_token, plan_version) VALUES (@n, @a, 1, @d, @d, 1, NULL, NULL, 0, @v)");
            var pin = insert.Parameters.Add("@n", SqliteType.Text);
            var pia = insert.Parameters.Add("@a", SqliteType.Text);
            var pid = insert.Parameters.Add("@d", SqliteType.Integer);
            insert.Parameters.AddWithValue("@v", s.planVersion);
            using var reset = Command(c, tx, "UPDATE rz_jobs SET due_at = @d, occurrence_at = @d, attempt = 1, plan_version = @v, account = @a WHERE name = @n");
            var prn = reset.Parameters.Add("@n", SqliteType.Text);
            var pra = reset.Parameters.Add("@a", SqliteType.Text);
            var prd = reset.Parameters.Add("@d", SqliteType.Integer);
            reset.Parameters.AddWithValue("@v", s.planVersion);
            using var touch = Command(c, tx, "UPDATE rz_jobs SET plan_version = @v, account = @a WHERE name = @n");
            var ptn = touch.Parameters.Add("@n", SqliteType.Text);
            var pta = touch.Parameters.Add("@a", SqliteType.Text);
            touch.Parameters.AddWithValue("@v", s.planVersion);
            var keep = new HashSet<string>(StringComparer.Ordinal);
            foreach (var seed in s.jobs)
            {
                keep.Add(seed.Name);
                pExists.Value = seed.Name;
                if (exists.ExecuteScalar() is null)
                {
                    pin.Value = seed.Name;
                    pia.Value = Db(seed.Account);
                    pid.Value = Db(seed.FirstDueAt);
                    insert.ExecuteNonQuery();
                }
                else if (seed.TriggerChanged)
                {
                    prn.Value = seed.Name;
                    pra.Value = Db(seed.Account);
                    prd.Value = Db(seed.FirstDueAt);
                    reset.ExecuteNonQuery();
                }
                else
                {
                    ptn.Value = seed.Name;
                    pta.Value = Db(seed.Account);
                    touch.ExecuteNonQuery();
                }
            }

            var remove = new List<string>();
            using (var all = Command(c, tx, "SELECT name FROM rz_jobs"))
            using (var r = all.ExecuteReader())
            {
                while (r.Read())
                {
                    var name = r.GetString(0);
                    if (!keep.Contains(name))
                    {
                        remove.Add(name);
                    }
                }
            }

            using var delete = Command(c, tx, "DELETE FROM rz_jobs WHERE name = @n");
            var pdn = delete.Parameters.Add("@n", SqliteType.Text);
            foreach (var name in remove)
            {
                pdn.Value = name;
                delete.ExecuteNonQuery();
            }

            tx.Commit();
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JobLease>> ClaimDueAsync(DateTimeOffset now, int max, string owner, TimeSpan leaseDuration, IReadOnlyCollection<string>? exclude = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return WithLockAsync<IReadOnlyList<JobLease>>(c => Claim(c, now, max, owner, leaseDuration, exclude), cancellationToken);
    }

    private List<JobLease> Claim(SqliteConnection c, DateTimeOffset now, int max, string owner, TimeSpan leaseDuration, IReadOnlyCollection<string>? exclude)
    {
        var expires = now.UtcTicks + leaseDuration.Ticks;
        using var tx = c.BeginTransaction();
        var select = _claimSelect ??= Prepare(c, ClaimSelectSql, "@now", "@max");
        select.Transaction = tx;
        select.Parameters[0].Value = now.UtcTicks;
        select.Parameters[1].Value = max + (exclude?.Count ?? 0);
        var rows = new List<(string Name, string? Account, long Due, long? Occurrence, int Attempt, long Token)>(Math.Min(max, 256));
        using (var r = select.ExecuteReader())
        {
            while (r.Read() && rows.Count < max)
            {
                var name = r.GetString(0);
                if (exclude is not null && exclude.Contains(name))
                {
                    continue;
                }

                rows.Add((name, TextOrNull(r, 1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetInt64(3), r.GetInt32(4), r.GetInt64(5)));
            }
        }

        var update = _claimUpdate ??= Prepare(c, "UPDATE rz_jobs SET lease_owner = @owner, lease_expires_at = @exp, lease_token = @token WHERE name = @name AND lease_token = @old", "@owner", "@exp", "@token", "@name", "@old");
        update.Transaction = tx;
        update.Parameters[0].Value = owner;
        update.Parameters[1].Value = expires;
        var leases = new List<JobLease>(rows.Count);
        foreach (var row in rows)
        {
            update.Parameters[2].Value = row.Token + 1;
            update.Parameters[3].Value = row.Name;
            update.Parameters[4].Value = row.Token;
            if (update.ExecuteNonQuery() == 1)
            {
                leases.Add(new JobLease(row.Name, row.Account, Time(row.Occurrence ?? row.Due), Time(row.Due), row.Attempt, owner, row.Token + 1, Time(expires)));
            }
        }

        tx.Commit();
        return leases;
    }

    /// <inheritdoc />
    public Task CompleteAsync(IReadOnlyList<JobCompletion> completions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completions);
        if (completions.Count == 0)
        {
            return Task.CompletedTask;
        }

        return WithLockAsync(completions, (c, list) =>
        {
            using var tx = c.BeginTransaction();
            var insertRun = _insertRun ??= Prepare(c, InsertRunSql, "@job", "@lane", "@account", "@pv", "@scheduled", "@started", "@duration", "@attempt", "@outcome", "@kind", "@message", "@next", "@corr", "@worker");
            var move = _moveJob ??= Prepare(c, "UPDATE rz_jobs SET due_at = @due, occurrence_at = @occ, attempt = @attempt, lease_owner = NULL, lease_expires_at = NULL WHERE name = @name AND lease_token = @token AND lease_owner IS NOT NULL", "@due", "@occ", "@attempt", "@name", "@token");
            insertRun.Transaction = tx;
            move.Transaction = tx;
            foreach (var completion in list)
            {
                if (completion.Run is { } run)
                {
                    var p = insertRun.Parameters;
                    p[0].Value = run.JobName;
                    p[1].Value = (int)run.Lane;
                    p[2].Value = Db(run.Account);
                    p[3].Value = run.PlanVersion;
                    p[4].Value = run.ScheduledAt.UtcTicks;
                    p[5].Value = run.StartedAt.UtcTicks;
                    p[6].Value = run.Duration.Ticks;
                    p[7].Value = run.Attempt;
                    p[8].Value = (int)run.Outcome;
                    p[9].Value = run.ErrorKind is { } k ? (int)k : DBNull.Value;
                    p[10].Value = Db(run.Message);
                    p[11].Value = Db(run.NextAttemptAt);
                    p[12].Value = run.CorrelationId;
                    p[13].Value = Db(run.Worker);
                    insertRun.ExecuteNonQuery();
                }

                InsertEvents(c, tx, completion.Events);
                var lease = completion.Lease;
                var m = move.Parameters;
                m[0].Value = Db(completion.NextDueAt);
                m[1].Value = Db(completion.NextOccurrenceAt);
                m[2].Value = completion.NextAttempt;
                m[3].Value = lease.JobName;
                m[4].Value = lease.Token;
                move.ExecuteNonQuery();
            }

            tx.Commit();
            return true;
        }, cancellationToken);
    }

    private void InsertEvents(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<AuditEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        var insert = _insertEvent ??= Prepare(c, InsertEventSql, "@at", "@type", "@actor", "@job", "@account", "@pv", "@corr", "@detail", "@subject");
        insert.Transaction = tx;
        var p = insert.Parameters;
        if (events is RunEvents derived)
        {
            // A fast-path run's two events, bound from its record without building them.
            var run = derived.Run;
            for (var i = 0; i < 2; i++)
            {
                p[0].Value = RunEvents.AtOf(run, i).UtcTicks;
                p[1].Value = RunEvents.TypeOf(i);
                p[2].Value = run.Worker ?? string.Empty;
                p[3].Value = run.JobName;
                p[4].Value = Db(run.Account);
                p[5].Value = run.PlanVersion;
                p[6].Value = run.CorrelationId;
                p[7].Value = i == 0 ? DBNull.Value : Db(run.Message);
                p[8].Value = DBNull.Value; // run events have no subject; clear what the last bound event left
                insert.ExecuteNonQuery();
            }

            return;
        }

        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            p[0].Value = e.At.UtcTicks;
            p[1].Value = e.Type;
            p[2].Value = e.Actor;
            p[3].Value = Db(e.JobName);
            p[4].Value = Db(e.Account);
            p[5].Value = e.PlanVersion is { } v ? v : DBNull.Value;
            p[6].Value = Db(e.CorrelationId);
            p[7].Value = Db(e.Detail);
            p[8].Value = Db(e.SubjectId);
            insert.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public Task ReleaseAsync(IReadOnlyList<JobLease> leases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leases);
        return WithLockAsync(leases, static (c, list) =>
        {
            using var tx = c.BeginTransaction();
            using var cmd = Command(c, tx, "UPDATE rz_jobs SET lease_owner = NULL, lease_expires_at = NULL WHERE name = @n AND lease_token = @t AND lease_owner IS NOT NULL");
            var pn = cmd.Parameters.Add("@n", SqliteType.Text);
            var pt = cmd.Parameters.Add("@t", SqliteType.Integer);
            foreach (var lease in list)
            {
                pn.Value = lease.JobName;
                pt.Value = lease.Token;
                cmd.ExecuteNonQuery();
            }

            tx.Commit();
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken = default) =>
        WithLockAsync<DateTimeOffset?>(static c =>
        {
            using var cmd = Command(c, null,
                "SELECT MIN(CASE WHEN lease_expires_at IS NOT NULL THEN lease_expires_at ELSE due_at END) FROM rz_jobs WHERE enabled = 1 AND (due_at IS NOT NULL OR lease_expires_at IS NOT NULL)");
            var value = cmd.ExecuteScalar();
            return value is null or DBNull ? null : Time(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
        }, cancellationToken);

    /// <inheritdoc />
    public Task<JobState?> GetAsync(string jobName, CancellationToken cancellationToken = default) =>
        WithLockAsync(jobName, static (c, name) =>
        {
            using var cmd = Command(c, null, JobStateSql + " WHERE name = @n");
            cmd.Parameters.AddWithValue("@n", name);
            using var r = cmd.ExecuteReader();
            return r.Read() ? ReadState(r) : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<JobState>> ListAsync(CancellationToken cancellationToken = default) =>
        WithLockAsync<IReadOnlyList<JobState>>(static c =>
        {
            using var cmd = Command(c, null, JobStateSql + " ORDER BY name");
            using var r = cmd.ExecuteReader();
            var list = new List<JobState>();
            while (r.Read())
            {
                list.Add(ReadState(r));
            }

            return list;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> SetEnabledAsync(string jobName, bool enabled, CancellationToken cancellationToken = default) =>
        WithLockAsync((jobName, enabled), static (c, s) =>
        {
            using var cmd = Command(c, null, "UPDATE rz_jobs SET enabled = @e WHERE name = @n AND enabled <> @e");
            cmd.Parameters.AddWithValue("@e", s.enabled ? 1 : 0);
            cmd.Parameters.AddWithValue("@n", s.jobName);
            return cmd.ExecuteNonQuery() == 1;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> WakeAsync(string jobName, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        WithLockAsync((jobName, now), static (c, s) =>
        {
            using var cmd = Command(c, null, "UPDATE rz_jobs SET due_at = @now WHERE name = @n AND due_at > @now");
            cmd.Parameters.AddWithValue("@now", s.now.UtcTicks);
            cmd.Parameters.AddWithValue("@n", s.jobName);
            return cmd.ExecuteNonQuery() == 1;
        }, cancellationToken);

    /// <inheritdoc />
    public Task DeferAccountAsync(string account, DateTimeOffset notBefore, CancellationToken cancellationToken = default) =>
        WithLockAsync((account, notBefore), static (c, s) =>
        {
            using var cmd = Command(c, null, "UPDATE rz_jobs SET due_at = @t WHERE account = @a AND due_at < @t");
            cmd.Parameters.AddWithValue("@t", s.notBefore.UtcTicks);
            cmd.Parameters.AddWithValue("@a", s.account);
            return cmd.ExecuteNonQuery();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<Page<RunRecord>> QueryRunsAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return WithLockAsync(query, static (c, q) =>
        {
            using var cmd = Command(c, null, string.Empty);
            return new PagedQuery(cmd, "SELECT id, job_name, lane, account, plan_version, scheduled_at, started_at, duration_ticks, attempt, outcome, error_kind, message, next_attempt_at, correlation_id, worker FROM rz_runs", q.AfterId)
                .Equal("job_name", "@job", q.JobName)
                .Equal("account", "@account", q.Account)
                .Equal("outcome", "@outcome", q.Outcome is { } outcome ? (int)outcome : null)
                .Between("started_at", q.From, q.To)
                .ReadPage(Math.Clamp(q.Limit, 1, 10_000), static r => new RunRecord
                {
                    Id = r.GetInt64(0),
                    JobName = r.GetString(1),
                    Lane = (LaneKind)r.GetInt32(2),
                    Account = TextOrNull(r, 3),
                    PlanVersion = r.GetInt32(4),
                    ScheduledAt = Time(r.GetInt64(5)),
                    StartedAt = Time(r.GetInt64(6)),
                    Duration = TimeSpan.FromTicks(r.GetInt64(7)),
                    Attempt = r.GetInt32(8),
                    Outcome = (RunOutcome)r.GetInt32(9),
                    ErrorKind = r.IsDBNull(10) ? null : (PlatformErrorKind)r.GetInt32(10),
                    Message = TextOrNull(r, 11),
                    NextAttemptAt = TimeOrNull(r, 12),
                    CorrelationId = r.GetString(13),
                    Worker = TextOrNull(r, 14),
                }, static run => run.Id);
        }, cancellationToken);
    }

    private const string JobStateSql = "SELECT name, account, enabled, due_at, occurrence_at, attempt, lease_owner, lease_expires_at, plan_version FROM rz_jobs";

    private static JobState ReadState(SqliteDataReader r) => new()
    {
        Name = r.GetString(0),
        Account = TextOrNull(r, 1),
        Enabled = r.GetInt32(2) == 1,
        DueAt = TimeOrNull(r, 3),
        OccurrenceAt = TimeOrNull(r, 4),
        Attempt = r.GetInt32(5),
        LeaseOwner = TextOrNull(r, 6),
        LeaseExpiresAt = TimeOrNull(r, 7),
        PlanVersion = r.GetInt32(8),
    };

    private static SqliteCommand Prepare(SqliteConnection c, string sql, params string[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var name in parameters)
        {
            cmd.Parameters.Add(new SqliteParameter(name, null));
        }

        return cmd;
    }
}
