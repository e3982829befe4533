using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Runs;
using Rizquna.Scheduling.Storage;
using Rizquna.Scheduling.Storage.InMemory;
using Rizquna.Scheduling.Storage.Sqlite;
using Rizquna.Scheduling.Tests.Support;

namespace Rizquna.Scheduling.Tests.Storage;

/// <summary>A fast-path run's events, derived from its record, are stored and queried exactly as built events are.</summary>
public sealed class RunEventsStorageTests : IDisposable
{
    private static readonly DateTimeOffset Started = new(2024, 6, 10, 1, 0, 0, 250, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Derived_events_read_like_the_events_the_engine_used_to_build(bool sqlite)
    {
        using var disposable = sqlite ? new SqliteSchedulingStore($"Data Source={_dir.File("k.db")}") : null;
        var jobs = (IJobStore?)disposable ?? new InMemorySchedulingStore();
        var audit = (IAuditLog)jobs;
        var derived = Run("ops_reply_01", "instagram/01", "c-1", "polled 3");
        var built = Run("ops_reply_02", null, "c-2", null);

        await jobs.CompleteAsync(
        [
            Completion(derived, new RunEvents(derived)),
            Completion(built, [Expected(built, AuditEventTypes.RunStarted, Started, null), Expected(built, AuditEventTypes.RunSucceeded, Started.AddMilliseconds(40), null)]),
        ]);

        var all = (await audit.QueryAsync(new AuditQuery { Limit = 10 })).Items;
        Assert.Equal(
        [
            Expected(derived, AuditEventTypes.RunStarted, Started, null),
            Expected(derived, AuditEventTypes.RunSucceeded, Started.AddMilliseconds(40), "polled 3"),
            Expected(built, AuditEventTypes.RunStarted, Started, null),
            Expected(built, AuditEventTypes.RunSucceeded, Started.AddMilliseconds(40), null),
        ], all.Select(e => e with { Id = 0 }));
        Assert.Equal([1L, 2, 3, 4], all.Select(e => e.Id));

        // Filters see the derived fields without the events being built first.
        Assert.Equal(new long[] { 2, 4 }, await Ids(audit, new AuditQuery { Types = [AuditEventTypes.RunSucceeded] }));
        Assert.Equal(new long[] { 1, 2 }, await Ids(audit, new AuditQuery { JobName = "ops_reply_01" }));
        Assert.Equal(new long[] { 1, 2 }, await Ids(audit, new AuditQuery { Account = "instagram/01" }));
        Assert.Equal(new long[] { 1, 2 }, await Ids(audit, new AuditQuery { CorrelationId = "c-1" }));
        Assert.Equal(new long[] { 2, 4 }, await Ids(audit, new AuditQuery { From = Started.AddMilliseconds(1) }));
        Assert.Equal(new long[] { 1, 3 }, await Ids(audit, new AuditQuery { To = Started.AddMilliseconds(1) }));
        Assert.Equal(new long[] { 3, 4 }, await Ids(audit, new AuditQuery { AfterId = 2 }));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_and_audit_queries_filter_and_page(bool sqlite)
    {
        using var disposable = sqlite ? new SqliteSchedulingStore($"Data Source={_dir.File("q.db")}") : null;
        var jobs = (IJobStore?)disposable ?? new InMemorySchedulingStore();
        var a = Run("ops_reply_01", "instagram/01", "c-1", "ok");
        var b = Run("ops_reply_02", "instagram/02", "c-2", "ok") with { Outcome = RunOutcome.Skipped, StartedAt = Started.AddMinutes(1) };
        var c = Run("ops_reply_01", "instagram/01", "c-3", "ok") with { StartedAt = Started.AddMinutes(2) };
        await jobs.CompleteAsync([Completion(a, new RunEvents(a)), Completion(b, new RunEvents(b)), Completion(c, new RunEvents(c))]);

        async Task<string[]> Runs(RunQuery q) => (await jobs.QueryRunsAsync(q)).Items.Select(r => r.CorrelationId).ToArray();
        Assert.Equal(["c-1", "c-3"], await Runs(new RunQuery { JobName = "ops_reply_01" }));
        Assert.Equal(["c-2"], await Runs(new RunQuery { Account = "instagram/02" }));
        Assert.Equal(["c-2"], await Runs(new RunQuery { Outcome = RunOutcome.Skipped }));
        Assert.Equal(["c-2"], await Runs(new RunQuery { From = Started.AddMinutes(1), To = Started.AddMinutes(2) }));
        var first = await jobs.QueryRunsAsync(new RunQuery { Limit = 2 });
        Assert.Equal(["c-1", "c-2"], first.Items.Select(r => r.CorrelationId));
        Assert.Equal(first.Items[^1].Id, first.NextAfter);
        var last = await jobs.QueryRunsAsync(new RunQuery { Limit = 2, AfterId = first.NextAfter!.Value });
        Assert.Equal(["c-3"], last.Items.Select(r => r.CorrelationId));
        Assert.Null(last.NextAfter);

        var audit = (IAuditLog)jobs;
        var page = await audit.QueryAsync(new AuditQuery { Limit = 4, Types = [AuditEventTypes.RunStarted, AuditEventTypes.RunSucceeded] });
        Assert.Equal(4, page.Items.Count);
        Assert.Equal(page.Items[^1].Id, page.NextAfter);
        Assert.Equal(2, (await audit.QueryAsync(new AuditQuery { AfterId = page.NextAfter!.Value })).Items.Count);
    }

    [Fact]
    public void The_list_reads_as_the_two_events()
    {
        var run = Run("j", "x/1", "c", "m");
        var events = new RunEvents(run);

        Assert.Equal(2, events.Count);
        Assert.Equal([events[0], events[1]], events.ToList());
        Assert.Equal(Expected(run, AuditEventTypes.RunSucceeded, Started.AddMilliseconds(40), "m"), events[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => events[2]);
    }

    private static async Task<long[]> Ids(IAuditLog audit, AuditQuery query) =>
        (await audit.QueryAsync(query with { Limit = 10 })).Items.Select(e => e.Id).ToArray();

    private static JobCompletion Completion(RunRecord run, IReadOnlyList<AuditEvent> events) =>
        new(new JobLease(run.JobName, run.Account, run.ScheduledAt, run.ScheduledAt, 1, "w1", -1, run.ScheduledAt), run, events, null, null, 1);

    private static RunRecord Run(string job, string? account, string correlation, string? message) => new()
    {
        JobName = job,
        Lane = LaneKind.Reply,
        Account = account,
        PlanVersion = 3,
        ScheduledAt = Started.AddSeconds(-1),
        StartedAt = Started,
        Duration = TimeSpan.FromMilliseconds(40),
        Attempt = 1,
        Outcome = RunOutcome.Succeeded,
        Message = message,
        CorrelationId = correlation,
        Worker = "w1",
    };

    private static AuditEvent Expected(RunRecord run, string type, DateTimeOffset at, string? detail) => new()
    {
        At = at,
        Type = type,
        Actor = "w1",
        JobName = run.JobName,
        Account = run.Account,
        PlanVersion = run.PlanVersion,
        CorrelationId = run.CorrelationId,
        Detail = detail,
    };
}
