using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Rizquna.Scheduling.Approvals;
using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Runs;
using Rizquna.Scheduling.Storage;
using Rizquna.Scheduling.Storage.Sqlite;
using Rizquna.Scheduling.Tests.Support;

namespace Rizquna.Scheduling.Tests.Storage;

public sealed class SqliteDurabilityTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2024, 6, 10, 0, 55, 0, TimeSpan.Zero); // 07:55 Jakarta
    private readonly string _dir = Directory.CreateTempSubdirectory("rz-kernel-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [Fact]
    public async Task A_killed_process_loses_no_run_event_or_approval()
    {
        var path = Path.Combine(_dir, "kernel.db");
        var store = new SqliteSchedulingStore($"Data Source={path}");
        await using var kernel = new KernelHarness(Start, o =>
        {
            o.Providers = [new ProviderSettings { Platform = "tiktok", AccountRange = "01..03" }];
            o.Approvals.FirstPublish = true;
        }, s =>
        {
            s.AddSingleton<ILaneHandler>(sp => new RecordingHandler(LaneKind.Reply, sp.GetRequiredService<TimeProvider>()));
            s.AddSingleton<ILaneHandler>(sp => new RecordingHandler(LaneKind.Post, sp.GetRequiredService<TimeProvider>(), async ctx =>
            {
                if (ctx.Account!.Key == "02")
                {
                    var answer = await sp.GetRequiredService<IApprovalGate>().CheckAsync(new ApprovalRequest
                    {
                        ActionKey = ctx.JobName + ":" + ctx.ScheduledAt.ToString("O"),
                        ActionType = "publish",
                        JobName = ctx.JobName,
                        Account = ctx.Account,
                        Facts = new Dictionary<string, string> { ["first_publish"] = "true" },
                    });
                    return LaneRunResult.AwaitingApproval(answer.ApprovalId!);
                }

                if (ctx.Account.Key == "03")
                {
                    throw new PlatformException(PlatformId.TikTok, PlatformErrorKind.RateLimited, "spam risk") { RetryAfter = TimeSpan.FromMinutes(7) };
                }

                return LaneRunResult.Succeeded("posted");
            }));
        }, store);
        await kernel.Plans.GenerateAsync("ops-lead");
        await kernel.RunUntilAsync(Start.AddMinutes(15));
        var cursors = (ICursorStore)store;
        await cursors.SetAsync("tiktok/01:comments", new InboxCursor("c-42"));

        var runs = await kernel.RunsAsync();
        var events = await kernel.EventsAsync();
        var approvals = await kernel.Approvals.ListAsync();
        Assert.NotEmpty(runs);
        Assert.Contains(runs, r => r.Outcome == RunOutcome.Failed && r.NextAttemptAt == Start.AddMinutes(9).AddMinutes(7));
        Assert.Single(approvals);

        // "Kill": copy the database and its WAL while the connection is still open (nothing checkpointed, nothing
        // closed), as a crashed process would leave them, and open the copy in a fresh store.
        var copy = Path.Combine(_dir, "copy.db");
        File.Copy(path, copy);
        if (File.Exists(path + "-wal"))
        {
            File.Copy(path + "-wal", copy + "-wal");
        }

        using var reopened = new SqliteSchedulingStore($"Data Source={copy}");
        var runsAfter = await ReadAllRunsAsync(reopened);
        Assert.Equal(runs.Select(r => (r.Id, r.JobName, r.StartedAt, r.Outcome, r.Attempt, r.NextAttemptAt, r.CorrelationId)),
            runsAfter.Select(r => (r.Id, r.JobName, r.StartedAt, r.Outcome, r.Attempt, r.NextAttemptAt, r.CorrelationId)));
        var eventsAfter = await ReadAllEventsAsync(reopened);
        Assert.Equal(events.Select(e => (e.Id, e.Type, e.At, e.JobName, e.Detail, e.SubjectId)), eventsAfter.Select(e => (e.Id, e.Type, e.At, e.JobName, e.Detail, e.SubjectId)));
        // approval.* events name their approval, so a consumer can approve it from the event alone.
        Assert.Equal(approvals[0].Id, Assert.Single(eventsAfter, e => e.Type == AuditEventTypes.ApprovalRequested).SubjectId);
        Assert.Equal(approvals, await ((IApprovalStore)reopened).ListAsync());
        Assert.Equal("c-42", (await ((ICursorStore)reopened).GetAsync("tiktok/01:comments"))?.Value);
        Assert.Equal((await kernel.Jobs.ListAsync()).Select(j => (j.Name, j.DueAt, j.Attempt, j.Enabled)), (await ((IJobStore)reopened).ListAsync()).Select(j => (j.Name, j.DueAt, j.Attempt, j.Enabled)));
        Assert.Single(await reopened.ListVersionsAsync());
        var plan = await reopened.GetCurrentAsync();
        Assert.Equal((await kernel.Plans.GetCurrentAsync())!.Fingerprint, PlanGenerator.Fingerprint(plan!.TimeZoneId, plan.Jobs));
        store.Dispose();
    }

    [Fact]
    public async Task A_run_event_written_after_an_approval_event_has_no_subject()
    {
        // The store reuses one prepared insert for every audit event: a fast-path run's events must not inherit the
        // subject (approval id) bound by the approval event written just before them.
        using var store = new SqliteSchedulingStore($"Data Source={Path.Combine(_dir, "subject.db")}");
        await using var kernel = new KernelHarness(Start, o =>
        {
            o.Providers = [new ProviderSettings { Platform = "tiktok", AccountRange = "01..01" }];
        }, s =>
        {
            s.AddSingleton<ILaneHandler>(sp => new RecordingHandler(LaneKind.Reply, sp.GetRequiredService<TimeProvider>()));
            s.AddSingleton<ILaneHandler>(sp => new RecordingHandler(LaneKind.Post, sp.GetRequiredService<TimeProvider>()));
        }, store);
        await kernel.Plans.GenerateAsync("ops-lead");
        await kernel.Audit.AppendAsync([new AuditEvent { At = Start, Type = AuditEventTypes.ApprovalRequested, Actor = "test", SubjectId = "apr-1" }]);

        await kernel.RunUntilAsync(Start.AddMinutes(3));

        var events = await kernel.EventsAsync();
        Assert.Contains(events, e => e.Type == AuditEventTypes.RunSucceeded);
        Assert.Equal("apr-1", Assert.Single(events, e => e.SubjectId is not null).SubjectId);
    }

    [Fact]
    public async Task Migrations_are_versioned_and_applied_once()
    {
        var cs = $"Data Source={Path.Combine(_dir, "m.db")}";
        using (new SqliteSchedulingStore(cs))
        {
        }

        using (new SqliteSchedulingStore(cs))
        {
        }

        using var connection = SqliteMigrations.Open(cs);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT component, version FROM rz_schema_migrations ORDER BY version";
        using var r = cmd.ExecuteReader();
        foreach (var version in new[] { 1, 2 })
        {
            Assert.True(r.Read());
            Assert.Equal(("kernel", version), (r.GetString(0), r.GetInt32(1)));
        }

        Assert.False(r.Read());
        using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", mode.ExecuteScalar() as string);
    }

    [Fact]
    public async Task Two_stores_on_one_file_never_claim_the_same_job()
    {
        var cs = $"Data Source={Path.Combine(_dir, "claims.db")}";
        using var a = new SqliteSchedulingStore(cs);
        using var b = new SqliteSchedulingStore(cs);
        var due = Start;
        var seeds = Enumerable.Range(0, 200).Select(i => new JobSeed($"job_{i:000}", null, due, false)).ToList();
        await a.SyncAsync(1, seeds);
        var claimsA = a.ClaimDueAsync(due, 150, "a", TimeSpan.FromMinutes(5));
        var claimsB = b.ClaimDueAsync(due, 150, "b", TimeSpan.FromMinutes(5));
        var all = (await claimsA).Concat(await claimsB).Select(l => l.JobName).ToList();
        Assert.Equal(200, all.Count);
        Assert.Equal(200, all.Distinct().Count());
        Assert.Empty(await a.ClaimDueAsync(due.AddMinutes(4), 10, "a", TimeSpan.FromMinutes(5)));
        Assert.Equal(10, (await b.ClaimDueAsync(due.AddMinutes(5), 10, "b", TimeSpan.FromMinutes(5))).Count);
    }

    private static async Task<List<RunRecord>> ReadAllRunsAsync(IJobStore store)
    {
        var page = await store.QueryRunsAsync(new RunQuery { Limit = 10_000 });
        Assert.Null(page.NextAfter);
        return [.. page.Items];
    }

    private static async Task<List<AuditEvent>> ReadAllEventsAsync(IAuditLog log)
    {
        var page = await log.QueryAsync(new AuditQuery { Limit = 10_000 });
        Assert.Null(page.NextAfter);
        return [.. page.Items];
    }
}
