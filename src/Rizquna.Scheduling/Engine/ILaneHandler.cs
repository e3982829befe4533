namespace Rizquna.Scheduling.Engine;

/// <summary>Runs the jobs of one lane. The engine resolves handlers by <see cref="Lane"/> (and, for Custom, by job name prefix).</summary>
public interface ILaneHandler
{
    /// <summary>The lane this handler runs.</summary>
    LaneKind Lane { get; }

    /// <summary>Runs one job occurrence.</summary>
    Task<LaneRunResult> RunAsync(JobRunContext context, CancellationToken cancellationToken = default);
}
