using Rizquna.Scheduling.Engine;

namespace Rizquna.Benchmarks.Scheduling;

internal sealed class NoOpHandler(LaneKind lane) : ILaneHandler
{
    private static readonly Task<LaneRunResult> Done = Task.FromResult(LaneRunResult.Succeeded());

    public LaneKind Lane => lane;

    public Task<LaneRunResult> RunAsync(JobRunContext context, CancellationToken cancellationToken = default) => Done;
}
