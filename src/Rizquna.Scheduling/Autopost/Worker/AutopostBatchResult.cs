namespace Rizquna.Scheduling.Autopost.Worker;

/// <summary>What one worker tick (or a drain, summed) did, counted per channel.</summary>
/// <param name="Claimed">Items claimed.</param>
/// <param name="Posted">Channels posted (including ones found by reconciliation).</param>
/// <param name="Failed">Channels failed for good.</param>
/// <param name="Skipped">Channels skipped by the dedup rule.</param>
/// <param name="Retrying">Channels waiting for a retry.</param>
/// <param name="AwaitingApproval">Channels waiting for approval.</param>
public sealed record AutopostBatchResult(int Claimed, int Posted, int Failed, int Skipped, int Retrying, int AwaitingApproval)
{
    /// <summary>Nothing was due.</summary>
    public static AutopostBatchResult Empty { get; } = new(0, 0, 0, 0, 0, 0);

    internal AutopostBatchResult Add(AutopostBatchResult other) => new(
        Claimed + other.Claimed, Posted + other.Posted, Failed + other.Failed, Skipped + other.Skipped,
        Retrying + other.Retrying, AwaitingApproval + other.AwaitingApproval);
}
