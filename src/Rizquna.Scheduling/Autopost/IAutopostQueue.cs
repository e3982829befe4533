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
