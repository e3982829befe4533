using Microsoft.Extensions.DependencyInjection;
using Rizquna.Scheduling.Audit;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Storage.Sqlite;
using Rizquna.Scheduling.Tests.Support;

namespace Rizquna.Scheduling.Tests.Engine;

/// <summary>A run on the engine's fast path (synchronous success) records its started and succeeded events in full.</summary>
public sealed class FastPathEventsTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2024, 6, 10, 0, 55, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Started_and_succeeded_events_carry_the_run(bool sqlite)
    {
        using var store = sqlite ? new SqliteSchedulingStore($"Data Source={_dir.File("k.db")}") : null;
        await using var kernel = new KernelHarness(Start, o =>
        {
            o.Providers = [new ProviderSettings { Platform = "tiktok", AccountRange = "01..02" }];
            o.Lanes.PostEnabled = false;
            o.Lanes.ReportEnabled = false;
        }, s => s.AddSingleton<ILaneHandler>(sp => new RecordingHandler(LaneKind.Reply, sp.GetRequiredService<TimeProvider>(), _ => Task.FromResult(LaneRunResult.Succeeded("polled 2")))), store);
        await kernel.Plans.GenerateAsync("ops-lead");
        await kernel.RunUntilAsync(Start.AddMinutes(3));

        var runs = await kernel.RunsAsync(new Runs.RunQuery { JobName = "ops_reply_02" });
        Assert.True(runs.Count >= 2);
        foreach (var run in runs)
        {
            var events = await kernel.EventsAsync(new AuditQuery { CorrelationId = run.CorrelationId });
            Assert.Equal(
            [
                new AuditEvent { At = run.StartedAt, Type = AuditEventTypes.RunStarted, Actor = kernel.Engine.WorkerId, JobName = "ops_reply_02", Account = "tiktok/02", PlanVersion = 1, CorrelationId = run.CorrelationId },
                new AuditEvent { At = run.StartedAt + run.Duration, Type = AuditEventTypes.RunSucceeded, Actor = kernel.Engine.WorkerId, JobName = "ops_reply_02", Account = "tiktok/02", PlanVersion = 1, CorrelationId = run.CorrelationId, Detail = "polled 2" },
            ], events.Select(e => e with { Id = 0 }));
            Assert.Equal("polled 2", run.Message);
            Assert.Equal(kernel.Engine.WorkerId, run.Worker);
        }
    }
}
