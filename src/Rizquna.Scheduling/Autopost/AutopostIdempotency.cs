namespace Rizquna.Scheduling.Autopost;

/// <summary>
/// A caller's idempotency key for an enqueue (e.g. an HTTP <c>Idempotency-Key</c>, scoped by the caller) and a hash of
/// the request it came with. The store writes the key in the same transaction as the item, so a key is recorded if and
/// only if its item is queued; a repeated key returns the item queued the first time instead of queueing again.
/// </summary>
/// <param name="Key">The key (unique per queue; include the caller when keys are per caller).</param>
/// <param name="RequestHash">A hash of the request body; a repeat with a different hash is <see cref="AutopostEnqueueOutcome.KeyReused"/>.</param>
public sealed record AutopostIdempotency(string Key, string RequestHash)
{
    /// <summary>The key.</summary>
    public string Key { get; } = !string.IsNullOrEmpty(Key) ? Key : throw new ArgumentException("An idempotency key is required.", nameof(Key));

    /// <summary>The request hash.</summary>
    public string RequestHash { get; } = RequestHash ?? throw new ArgumentNullException(nameof(RequestHash));
}
