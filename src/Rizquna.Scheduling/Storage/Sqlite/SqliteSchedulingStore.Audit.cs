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
            using var cmd = Command(c, null, string.Empty);
            return new PagedQuery(cmd, "SELECT id, at, type, actor, job_name, account, plan_version, correlation_id, detail, subject_id FROM rz_audit_events", q.AfterId)
                .Equal("account", "@account", q.Account)
                .Equal("job_name", "@job", q.JobName)
                .Equal("correlation_id", "@corr", q.CorrelationId)
                .In("type", "@t", q.Types)
                .Between("at", q.From, q.To)
                .ReadPage(Math.Clamp(q.Limit, 1, 10_000), static r => new AuditEvent
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
                }, static e => e.Id);
        }, cancellationToken);
    }
}
