using Microsoft.Data.Sqlite;
using Rizquna.Scheduling.Plans;

namespace Rizquna.Scheduling.Storage.Sqlite;

public sealed partial class SqliteSchedulingStore
{
    /// <inheritdoc />
    public Task<Plan?> GetCurrentAsync(CancellationToken cancellationToken = default) =>
        WithLockAsync(static c => ReadPlan(c, "SELECT version, created_at, created_by, time_zone, fingerprint, origin, jobs_json FROM rz_plans ORDER BY version DESC LIMIT 1", null), cancellationToken);

    /// <inheritdoc />
    public Task<Plan?> GetAsync(int version, CancellationToken cancellationToken = default) =>
        WithLockAsync(version, static (c, v) => ReadPlan(c, "SELECT version, created_at, created_by, time_zone, fingerprint, origin, jobs_json FROM rz_plans WHERE version = @v", v), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PlanVersionInfo>> ListVersionsAsync(CancellationToken cancellationToken = default) =>
        WithLockAsync<IReadOnlyList<PlanVersionInfo>>(static c =>
        {
            using var cmd = Command(c, null, "SELECT version, created_at, created_by, origin, job_count, fingerprint FROM rz_plans ORDER BY version");
            using var r = cmd.ExecuteReader();
            var list = new List<PlanVersionInfo>();
            while (r.Read())
            {
                list.Add(new PlanVersionInfo(r.GetInt32(0), Time(r.GetInt64(1)), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5)));
            }

            return list;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryAppendAsync(Plan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var json = PlanJson.Serialize(plan.Jobs);
        return WithLockAsync((plan, json), static (c, s) =>
        {
            using var tx = c.BeginTransaction();
            using (var max = Command(c, tx, "SELECT COALESCE(MAX(version), 0) FROM rz_plans"))
            {
                if (Convert.ToInt64(max.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != s.plan.Version - 1)
                {
                    return false;
                }
            }

            using var insert = Command(c, tx, "INSERT INTO rz_plans (version, created_at, created_by, time_zone, fingerprint, origin, job_count, jobs_json) VALUES (@v, @at, @by, @tz, @fp, @o, @n, @j)");
            insert.Parameters.AddWithValue("@v", s.plan.Version);
            insert.Parameters.AddWithValue("@at", s.plan.CreatedAt.UtcTicks);
            insert.Parameters.AddWithValue("@by", s.plan.CreatedBy);
            insert.Parameters.AddWithValue("@tz", s.plan.TimeZoneId);
            insert.Parameters.AddWithValue("@fp", s.plan.Fingerprint);
            insert.Parameters.AddWithValue("@o", s.plan.Origin);
            insert.Parameters.AddWithValue("@n", s.plan.Jobs.Count);
            insert.Parameters.AddWithValue("@j", s.json);
            insert.ExecuteNonQuery();
            tx.Commit();
            return true;
        }, cancellationToken);
    }

    private static Plan? ReadPlan(SqliteConnection c, string sql, int? version)
    {
        using var cmd = Command(c, null, sql);
        if (version is { } v)
        {
            cmd.Parameters.AddWithValue("@v", v);
        }

        using var r = cmd.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        return new Plan
        {
            Version = r.GetInt32(0),
            CreatedAt = Time(r.GetInt64(1)),
            CreatedBy = r.GetString(2),
            TimeZoneId = r.GetString(3),
            Fingerprint = r.GetString(4),
            Origin = r.GetString(5),
            Jobs = PlanJson.Deserialize(r.GetString(6)),
        };
    }
}
