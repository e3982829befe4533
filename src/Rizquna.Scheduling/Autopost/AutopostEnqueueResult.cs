namespace Rizquna.Scheduling.Autopost;

/// <summary>What a keyed enqueue (<see cref="IAutopostQueue.EnqueueAsync(AutopostEnqueueRequest, AutopostIdempotency, CancellationToken)"/>) did.</summary>
/// <param name="Outcome">Queued now, or the key was seen before.</param>
/// <param name="Item">The item queued now, or (for a repeated key) the item queued under that key, as it is now.</param>
public sealed record AutopostEnqueueResult(AutopostEnqueueOutcome Outcome, AutopostItem Item);

/// <summary>The outcome of a keyed enqueue.</summary>
public enum AutopostEnqueueOutcome
{
    /// <summary>The item was queued, together with its key.</summary>
    Created,
    /// <summary>The key was already used with the same request hash: nothing was queued; the result holds the first item.</summary>
    Replayed,
    /// <summary>The key was already used with a different request hash: nothing was queued; the result holds the first item.</summary>
    KeyReused,
}
