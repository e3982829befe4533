using Rizquna.Scheduling.Audit;

namespace Rizquna.Scheduling.Storage.Sqlite;

public sealed partial class SqliteSchedulingStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEvent>> AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return WithLockAsync<IReadOnlyList<AuditEvent>>(c =>
        {
            using var tx = c.BeginTransaction();
            var stored = new AuditEvent[events.Count];
            using var idCmd = Command(c, tx, "SELECT last_insert_rowid()");
            for (var i = 0; i < events.Count; i++)
            {
                InsertEvents(c, tx, [events[i]]);
                stored[i] = events[i] with { Id = Convert.ToInt64(idCmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) };
            }

            tx.Commit();
            return stored;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Page<AuditEvent>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return WithLockAsync(query, static (c, q) =>
        {
            var limit = Math.Clamp(q.Limit, 1, 10_000);
            using var cmd = Command(c, null, string.Empty);
            var sql = new System.Text.StringBuilder("SELECT id, at, type, actor, job_name, account, plan_version, correlation_id, detail, subject_id FROM rz_audit_events WHERE id > @after");
            cmd.Parameters.AddWithValue("@after", q.AfterId);
            if (q.Account is not null)
            {
                sql.Append(" AND account = @account");
                cmd.Parameters.AddWithValue("@account", q.Account);
            }

            if (q.JobName is not null)
            {
                sql.Append(" AND job_name = @job");
                cmd.Parameters.AddWithValue("@job", q.JobName);
            }

            if (q.CorrelationId is not null)
            {
                sql.Append(" AND correlation_id = @corr");
                cmd.Parameters.AddWithValue("@corr", q.CorrelationId);
            }

            if (q.Types is { Count: > 0 } types)
            {
                sql.Append(" AND type IN (");
                for (var i = 0; i < types.Count; i++)
                {
                    sql.Append(i == 0 ? "@t" : ", @t").Append(i);
                    cmd.Parameters.AddWithValue("@t" + i, types[i]);
                }

                sql.Append(')');
            }

            if (q.From is { } from)
            {
                sql.Append(" AND at >= @from");
                cmd.Parameters.AddWithValue("@from", from.UtcTicks);
            }

            if (q.To is { } to)
            {
                sql.Append(" AND at < @to");
                cmd.Parameters.AddWithValue("@to", to.UtcTicks);
            }

            sql.Append(" ORDER BY id LIMIT @limit");
            cmd.Parameters.AddWithValue("@limit", limit + 1);
            cmd.CommandText = sql.ToString();
            using var r = cmd.ExecuteReader();
            var list = new List<AuditEvent>();
            while (r.Read())
            {
                list.Add(new AuditEvent
                {
                    Id = r.GetInt64(0),
                    At = Time(r.GetInt64(1)),
                    Type = r.GetString(2),
                    Actor = r.GetString(3),
                    JobName = TextOrNull(r, 4),
                    Account = TextOrNull(r, 5),
                    PlanVersion = r.IsDBNull(6) ? null : r.GetInt32(6),
                    CorrelationId = TextOrNull(r, 7),
                    Detail = TextOrNull(r, 8),
                    SubjectId = TextOrNull(r, 9),
                });
            }

            var more = list.Count > limit;
            if (more)
            {
                list.RemoveAt(list.Count - 1);
            }

            return new Page<AuditEvent>(list, more ? list[^1].Id : null);
        }, cancellationToken);
    }
}
