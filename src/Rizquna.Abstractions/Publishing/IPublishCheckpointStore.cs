namespace Rizquna;

/// <summary>
/// Durable notes a connector takes in the middle of a multi-step publish (an Instagram container id, a TikTok publish id),
/// keyed by the request's idempotency key, so that after a crash or an unknown outcome the reconciler can look them up
/// instead of starting over. The kernel provides a durable store; <see cref="InMemoryPublishCheckpointStore"/> serves a connector used alone.
/// </summary>
public interface IPublishCheckpointStore
{
    /// <summary>Saves (or overwrites) one named value for an idempotency key. Must be durable when it returns.</summary>
    ValueTask SaveAsync(string idempotencyKey, string name, string value, CancellationToken cancellationToken = default);

    /// <summary>Reads all values saved for an idempotency key (empty when none).</summary>
    ValueTask<IReadOnlyDictionary<string, string>> LoadAsync(string idempotencyKey, CancellationToken cancellationToken = default);
}
