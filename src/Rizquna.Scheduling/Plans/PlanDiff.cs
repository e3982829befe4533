namespace Rizquna.Scheduling.Plans;

/// <summary>What changed between two plan versions, by job name.</summary>
/// <param name="Added">Jobs only in the new version.</param>
/// <param name="Removed">Jobs only in the old version.</param>
/// <param name="Changed">Jobs in both whose definition differs.</param>
public sealed record PlanDiff(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed)
{
    /// <summary>No difference.</summary>
    public static PlanDiff None { get; } = new([], [], []);

    /// <summary>Whether anything changed.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;
}
