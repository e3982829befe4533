namespace Rizquna.Scheduling.Autopost;

/// <summary>
/// The autopost queue as callers use it (code, the sample host's HTTP API, webhooks). A worker
/// (the autopost worker) dispatches what is due.
/// </summary>
public interface IAutopostQueue
{
    /// <summary>Validates and queues an item (status ready).</summary>
    /// <exception cref="AutopostValidationException">The request is invalid; every bad field is named and nothing was written.</exception>
    Task<AutopostItem> EnqueueAsync(AutopostEnqueueRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Validates and queues an item under an idempotency key, atomically: the key is written in the same commit as the
    /// item, so either both are durable or neither is. A key seen before queues nothing and returns the first item
    /// (<see cref="AutopostEnqueueOutcome.Replayed"/>, or <see cref="AutopostEnqueueOutcome.KeyReused"/> when the request
    /// hash differs). Concurrent calls with the same key queue at most one item.
    /// </summary>
    /// <exception cref="AutopostValidationException">The request is invalid; every bad field is named and nothing was written.</exception>
    /// <exception cref="NotSupportedException">The implementation has no idempotent enqueue.</exception>
    Task<AutopostEnqueueResult> EnqueueAsync(AutopostEnqueueRequest request, AutopostIdempotency idempotency, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{GetType().Name} does not support idempotent enqueue.");

    /// <summary>
    /// The item queued under <paramref name="idempotency"/>'s key (<see cref="AutopostEnqueueOutcome.Replayed"/> or
    /// <see cref="AutopostEnqueueOutcome.KeyReused"/> by the request hash), or null when the key is unknown. Read-only.
    /// </summary>
    /// <exception cref="NotSupportedException">The implementation has no idempotent enqueue.</exception>
    Task<AutopostEnqueueResult?> FindByIdempotencyKeyAsync(AutopostIdempotency idempotency, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{GetType().Name} does not support idempotent enqueue.");

    /// <summary>One item by id, or null.</summary>
    Task<AutopostItem?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Items matching the filters, newest first, one page at a time.</summary>
    /// <exception cref="ArgumentException">The limit is out of range or the cursor is not one this queue issued.</exception>
    Task<AutopostPage> ListAsync(AutopostQuery query, CancellationToken cancellationToken = default);

    /// <summary>Cancels an item that has not been posted anywhere and is not being posted now.</summary>
    Task<AutopostCommandResult> CancelAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes an item due now: failed channels get a fresh set of attempts, pending retries are brought forward.
    /// Posted and skipped channels are never posted again.
    /// </summary>
    Task<AutopostCommandResult> RetryNowAsync(long id, CancellationToken cancellationToken = default);
}
