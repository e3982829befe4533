using Rizquna.Scheduling.Engine;

namespace Rizquna.Scheduling.Tests.Support;

/// <summary>A lane handler that records each call and answers through a script.</summary>
internal sealed class RecordingHandler(LaneKind lane, TimeProvider time, Func<JobRunContext, Task<LaneRunResult>>? script = null) : ILaneHandler
{
    private readonly object _gate = new();
    private readonly List<Call> _calls = [];

    public LaneKind Lane => lane;

    public IReadOnlyList<Call> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public Task<LaneRunResult> RunAsync(JobRunContext context, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _calls.Add(new Call(context.JobName, time.GetUtcNow(), context.ScheduledAt, context.Attempt, context.PlanVersion));
        }

        return script is null ? Task.FromResult(LaneRunResult.Succeeded()) : script(context);
    }

    public sealed record Call(string JobName, DateTimeOffset At, DateTimeOffset ScheduledAt, int Attempt, int PlanVersion);
}
