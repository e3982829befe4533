using Microsoft.Extensions.DependencyInjection;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Runs;
using Rizquna.Scheduling.Storage.InMemory;
using Rizquna.Scheduling.Tests.Support;

namespace Rizquna.Scheduling.Tests.Engine;

public sealed class LeaseExpiryTests
{
    private static readonly DateTimeOffset Start = new(2024, 6, 10, 0, 30, 0, TimeSpan.Zero); // 07:30 Jakarta

    private static void Configure(SchedulingOptions o, string worker)
    {
        o.Providers = [new ProviderSettings { Platform = "telegram", AccountRange = "001" }];
        o.Lanes.ReplyEnabled = false;
        o.Lanes.ReportEnabled = false;
        o.Engine.LeaseDuration = TimeSpan.FromMinutes(5);
        o.Engine.WorkerId = worker;
    }

    [Fact]
    public async Task A_lease_that_expires_mid_run_runs_the_job_exactly_once_more()
    {
        var store = new InMemorySchedulingStore();
        var stuck = new TaskCompletionSource<LaneRunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        RecordingHandler handlerA = null!, handlerB = null!;
        await using var a = new KernelHarness(Start, o => Configure(o, "worker-a"), s => s.AddSingleton<ILaneHandler>(sp =>
            handlerA = new RecordingHandler(LaneKind.Post, sp.GetRequiredService<TimeProvider>(), _ => stuck.Task)), store);
        await a.Plans.GenerateAsync();
        var clock = a.Clock;
        await using var b = new KernelHarness(Start, o => Configure(o, "worker-b"), s => s.AddSingleton<ILaneHandler>(sp =>
            handlerB = new RecordingHandler(LaneKind.Post, clock, _ => Task.FromResult(LaneRunResult.Succeeded()))), store, clock);

        // 08:00 local: worker A claims the post and hangs.
        clock.AdvanceTo(new DateTimeOffset(2024, 6, 10, 1, 0, 0, TimeSpan.Zero));
        var tickA = a.Engine.RunDueAsync();
        Assert.Single(handlerA.Calls);
        Assert.Equal(0, await b.Engine.RunDueAsync()); // leased: B does not take it

        // The lease (5 min) expires: B takes the job over, once.
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await b.Engine.RunDueAsync());
        Assert.Equal(0, await b.Engine.RunDueAsync());
        Assert.Single(handlerB.Calls);
        Assert.Equal(handlerA.Calls[0].ScheduledAt, handlerB.Calls[0].ScheduledAt);

        // A finally finishes: its run is recorded, but it no longer moves the job (fenced by the lease token).
        stuck.SetResult(LaneRunResult.Succeeded("late"));
        Assert.Equal(1, await tickA);
        var state = await a.Jobs.GetAsync("ops_post_001");
        Assert.Equal(new DateTimeOffset(2024, 6, 11, 1, 0, 0, TimeSpan.Zero), state!.DueAt);
        Assert.Null(state.LeaseOwner);

        // Nothing else runs until the next day's occurrence, which runs once.
        clock.AdvanceTo(new DateTimeOffset(2024, 6, 11, 1, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await b.Engine.RunDueAsync() + await a.Engine.RunDueAsync());
        var runs = await b.RunsAsync(new RunQuery { JobName = "ops_post_001" });
        Assert.Equal(3, runs.Count);
        Assert.Equal(2, runs.Count(r => r.ScheduledAt == handlerA.Calls[0].ScheduledAt));
    }
}
