using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Tests.Support;

namespace Rizquna.Scheduling.Tests.Engine;

public sealed class HostedEngineTests
{
    [Fact]
    public async Task The_hosted_engine_sleeps_until_the_next_due_time_and_runs_it()
    {
        var start = new DateTimeOffset(2024, 6, 10, 0, 59, 0, TimeSpan.Zero); // 07:59 Jakarta
        var ran = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var kernel = new KernelHarness(start, o =>
        {
            o.Providers = [new ProviderSettings { Platform = "instagram", AccountRange = "001" }];
            o.Lanes.ReplyEnabled = false;
            o.Lanes.ReportEnabled = false;
        }, s => s.AddSingleton<ILaneHandler>(sp => new RecordingHandler(LaneKind.Post, sp.GetRequiredService<TimeProvider>(), ctx =>
        {
            ran.TrySetResult(ctx.ScheduledAt);
            return Task.FromResult(LaneRunResult.Succeeded());
        })));

        var hosted = kernel.Services.GetServices<IHostedService>().Single();
        await hosted.StartAsync(CancellationToken.None);

        // The engine generates the plan and goes to sleep on a timer for 08:00 (it does not poll).
        var due = new DateTimeOffset(2024, 6, 10, 1, 0, 0, TimeSpan.Zero);
        for (var i = 0; kernel.Clock.NextTimerDue != due; i++)
        {
            Assert.True(i < 3000, "the engine never went to sleep until 08:00");
            await Task.Delay(10);
        }

        Assert.False(ran.Task.IsCompleted);
        kernel.Clock.AdvanceTo(due);
        Assert.Equal(due, await ran.Task.WaitAsync(TimeSpan.FromSeconds(30)));

        await hosted.StopAsync(CancellationToken.None);
        var state = await kernel.Jobs.GetAsync("ops_post_001");
        Assert.Equal(due.AddDays(1), state!.DueAt);
    }
}
