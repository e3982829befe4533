using System.Threading.Channels;

namespace Rizquna.Scheduling.Autopost.Storage;

// Group commit for InsertAsync: callers queue their item; one writer takes everything pending, writes it in one
// transaction (a savepoint per item, so a bad item fails only its own caller), commits once (one fsync), then
// completes each caller. A caller's task completes only after the commit that holds its item.
public sealed partial class SqliteAutopostStore
{
    private readonly Channel<PendingInsert> _inserts = Channel.CreateUnbounded<PendingInsert>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    /// <inheritdoc />
    /// <remarks>
    /// Concurrent calls are committed together in one transaction (group commit); the returned task completes only after
    /// the commit that holds the item, so a returned item is durable. Cancellation is honoured while the item still waits
    /// in the queue (then nothing is written); once the writer has taken it, the call completes with the written item.
    /// </remarks>
    public Task<AutopostItem> InsertAsync(AutopostItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return cancellationToken.IsCancellationRequested
            ? Task.FromCanceled<AutopostItem>(cancellationToken)
            : ItemOf(Queue(item, null, cancellationToken));

        static async Task<AutopostItem> ItemOf(Task<AutopostEnqueueResult> inserted) => (await inserted.ConfigureAwait(false)).Item;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Group-committed like <see cref="InsertAsync(AutopostItem, CancellationToken)"/>: the item row and the key row are
    /// written in the same savepoint of the same commit. The key's primary key decides a race: when the key is already
    /// recorded (earlier, or earlier in the same group) the item is rolled back and the recorded item returned.
    /// </remarks>
    public Task<AutopostEnqueueResult> InsertAsync(AutopostItem item, AutopostIdempotency idempotency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(idempotency);
        return cancellationToken.IsCancellationRequested
            ? Task.FromCanceled<AutopostEnqueueResult>(cancellationToken)
            : Queue(item, idempotency, cancellationToken);
    }

    private Task<AutopostEnqueueResult> Queue(AutopostItem item, AutopostIdempotency? idempotency, CancellationToken cancellationToken)
    {
        var pending = new PendingInsert(item, idempotency);
        if (!_inserts.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteAutopostStore));
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(static (state, token) => ((PendingInsert)state!).TryCancel(token), pending);
            _ = pending.Completion.Task.ContinueWith(static (_, r) => ((CancellationTokenRegistration)r!).Dispose(), registration, TaskScheduler.Default);
        }

        return pending.Completion.Task;
    }

    private async Task WriteInsertsAsync()
    {
        var reader = _inserts.Reader;
        var batch = new List<PendingInsert>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await _lock.WaitAsync().ConfigureAwait(false);
            try
            {
                // Everything queued while the previous commit was running goes into this one.
                while (reader.TryRead(out var pending))
                {
                    if (pending.TryTake())
                    {
                        batch.Add(pending);
                    }
                }

                if (batch.Count > 0)
                {
                    WriteBatch(batch);
                }
            }
            finally
            {
                _lock.Release();
                batch.Clear();
            }
        }
    }

    private void WriteBatch(List<PendingInsert> batch)
    {
        var results = new AutopostEnqueueResult?[batch.Count];
        var errors = new Exception?[batch.Count];
        try
        {
            using var transaction = _connection.BeginTransaction();
            for (var i = 0; i < batch.Count; i++)
            {
                transaction.Save("item");
                try
                {
                    results[i] = batch[i].Idempotency is { } key
                        ? InsertKeyed(batch[i].Item, key, transaction)
                        : new AutopostEnqueueResult(AutopostEnqueueOutcome.Created, batch[i].Item with { Id = InsertOne(batch[i].Item, transaction) });
                    transaction.Release("item");
                }
                catch (Exception ex)
                {
                    transaction.Rollback("item");
                    transaction.Release("item");
                    errors[i] = ex;
                }
            }

            transaction.Commit();
        }
        catch (Exception ex)
        {
            // The commit (or the transaction itself) failed: nothing of this batch is durable.
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(ex);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (errors[i] is { } error)
            {
                batch[i].Completion.TrySetException(error);
            }
            else
            {
                batch[i].Completion.TrySetResult(results[i]!);
            }
        }
    }

    private void StopWriter()
    {
        // Items already queued are still written (and their callers completed) before the connection closes.
        _inserts.Writer.TryComplete();
        _writer.GetAwaiter().GetResult();
    }

    /// <summary>One queued insert. State: 0 queued, 1 taken by the writer, 2 cancelled by its caller.</summary>
    private sealed class PendingInsert(AutopostItem item, AutopostIdempotency? idempotency)
    {
        private int _state;

        public AutopostItem Item { get; } = item;

        public AutopostIdempotency? Idempotency { get; } = idempotency;

        public TaskCompletionSource<AutopostEnqueueResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool TryTake() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

        public void TryCancel(CancellationToken token)
        {
            if (Interlocked.CompareExchange(ref _state, 2, 0) == 0)
            {
                Completion.TrySetCanceled(token);
            }
        }
    }
}
