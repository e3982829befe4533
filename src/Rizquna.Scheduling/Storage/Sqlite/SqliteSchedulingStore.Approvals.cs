using Microsoft.Data.Sqlite;
using Rizquna.Scheduling.Approvals;

namespace Rizquna.Scheduling.Storage.Sqlite;

public sealed partial class SqliteSchedulingStore
{
    private const string ApprovalColumns = "id, action_key, action_type, account, job_name, body, reason, status, requested_at, expires_at, decided_at, decided_by, note, correlation_id";

    /// <inheritdoc />
    public Task<ApprovalRecord> GetOrAddAsync(ApprovalRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return WithLockAsync(record, static (c, a) =>
        {
            using var tx = c.BeginTransaction();
            var existing = ReadApproval(c, tx, "action_key = @k", "@k", a.ActionKey);
            if (existing is not null)
            {
                tx.Commit();
                return existing;
            }

            using var insert = Command(c, tx, $"INSERT INTO rz_approvals ({ApprovalColumns}) VALUES (@id, @key, @type, @account, @job, @body, @reason, @status, @req, @exp, @dec, @by, @note, @corr)");
            insert.Parameters.AddWithValue("@id", a.Id);
            insert.Parameters.AddWithValue("@key", a.ActionKey);
            insert.Parameters.AddWithValue("@type", a.ActionType);
            insert.Parameters.AddWithValue("@account", Db(a.Account));
            insert.Parameters.AddWithValue("@job", Db(a.JobName));
            insert.Parameters.AddWithValue("@body", Db(a.Text));
            insert.Parameters.AddWithValue("@reason", Db(a.Reason));
            insert.Parameters.AddWithValue("@status", (int)a.Status);
            insert.Parameters.AddWithValue("@req", a.RequestedAt.UtcTicks);
            insert.Parameters.AddWithValue("@exp", a.ExpiresAt.UtcTicks);
            insert.Parameters.AddWithValue("@dec", Db(a.DecidedAt));
            insert.Parameters.AddWithValue("@by", Db(a.DecidedBy));
            insert.Parameters.AddWithValue("@note", Db(a.Note));
            insert.Parameters.AddWithValue("@corr", Db(a.CorrelationId));
            insert.ExecuteNonQuery();
            tx.Commit();
            return a;
        }, cancellationToken);
    }

    /// <inheritdoc />
    Task<ApprovalRecord?> IApprovalStore.GetAsync(string id, CancellationToken cancellationToken) =>
        WithLockAsync(id, static (c, v) => ReadApproval(c, null, "id = @id", "@id", v), cancellationToken);

    /// <inheritdoc />
    public Task<ApprovalRecord?> GetByActionKeyAsync(string actionKey, CancellationToken cancellationToken = default) =>
        WithLockAsync(actionKey, static (c, v) => ReadApproval(c, null, "action_key = @k", "@k", v), cancellationToken);

    /// <inheritdoc />
    public Task<ApprovalRecord?> TryDecideAsync(string id, ApprovalStatus status, string actor, DateTimeOffset at, string? note = null, CancellationToken cancellationToken = default)
    {
        if (status == ApprovalStatus.Pending)
        {
            return Task.FromResult<ApprovalRecord?>(null);
        }

        return WithLockAsync((id, status, actor, at, note), static (c, s) =>
        {
            using var tx = c.BeginTransaction();
            using var update = Command(c, tx, "UPDATE rz_approvals SET status = @s, decided_at = @at, decided_by = @by, note = @note WHERE id = @id AND status = @pending");
            update.Parameters.AddWithValue("@s", (int)s.status);
            update.Parameters.AddWithValue("@at", s.at.UtcTicks);
            update.Parameters.AddWithValue("@by", s.actor);
            update.Parameters.AddWithValue("@note", Db(s.note));
            update.Parameters.AddWithValue("@id", s.id);
            update.Parameters.AddWithValue("@pending", (int)ApprovalStatus.Pending);
            if (update.ExecuteNonQuery() != 1)
            {
                tx.Rollback();
                return null;
            }

            var decided = ReadApproval(c, tx, "id = @id", "@id", s.id);
            tx.Commit();
            return decided;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ApprovalRecord>> ListExpiredPendingAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        WithLockAsync<IReadOnlyList<ApprovalRecord>>(c =>
        {
            using var cmd = Command(c, null, $"SELECT {ApprovalColumns} FROM rz_approvals WHERE status = @p AND expires_at <= @now ORDER BY seq");
            cmd.Parameters.AddWithValue("@p", (int)ApprovalStatus.Pending);
            cmd.Parameters.AddWithValue("@now", now.UtcTicks);
            return ReadApprovals(cmd, int.MaxValue);
        }, cancellationToken);

    /// <inheritdoc />
    Task<IReadOnlyList<ApprovalRecord>> IApprovalStore.ListAsync(ApprovalStatus? status, int limit, CancellationToken cancellationToken) =>
        WithLockAsync<IReadOnlyList<ApprovalRecord>>(c =>
        {
            using var cmd = Command(c, null, $"SELECT {ApprovalColumns} FROM rz_approvals" + (status is null ? string.Empty : " WHERE status = @s") + " ORDER BY seq LIMIT @limit");
            if (status is { } s)
            {
                cmd.Parameters.AddWithValue("@s", (int)s);
            }

            cmd.Parameters.AddWithValue("@limit", Math.Clamp(limit, 1, 10_000));
            return ReadApprovals(cmd, limit);
        }, cancellationToken);

    private static ApprovalRecord? ReadApproval(SqliteConnection c, SqliteTransaction? tx, string where, string parameter, string value)
    {
        using var cmd = Command(c, tx, $"SELECT {ApprovalColumns} FROM rz_approvals WHERE {where}");
        cmd.Parameters.AddWithValue(parameter, value);
        var list = ReadApprovals(cmd, 1);
        return list.Count == 0 ? null : list[0];
    }

    private static List<ApprovalRecord> ReadApprovals(SqliteCommand cmd, int limit)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<ApprovalRecord>();
        while (list.Count < limit && r.Read())
        {
            list.Add(new ApprovalRecord
            {
                Id = r.GetString(0),
                ActionKey = r.GetString(1),
                ActionType = r.GetString(2),
                Account = TextOrNull(r, 3),
                JobName = TextOrNull(r, 4),
                Text = TextOrNull(r, 5),
                Reason = TextOrNull(r, 6),
                Status = (ApprovalStatus)r.GetInt32(7),
                RequestedAt = Time(r.GetInt64(8)),
                ExpiresAt = Time(r.GetInt64(9)),
                DecidedAt = TimeOrNull(r, 10),
                DecidedBy = TextOrNull(r, 11),
                Note = TextOrNull(r, 12),
                CorrelationId = TextOrNull(r, 13),
            });
        }

        return list;
    }
}
