using System.Globalization;
using Microsoft.Extensions.Options;

namespace Rizquna.Scheduling.Autopost;

/// <summary>The <see cref="IAutopostQueue"/> over any <see cref="IAutopostStore"/>: validates requests and applies commands.</summary>
public sealed class AutopostQueue : IAutopostQueue
{
    private readonly IAutopostStore _store;
    private readonly IOptionsMonitor<AutopostOptions> _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the queue.</summary>
    public AutopostQueue(IAutopostStore store, IOptionsMonitor<AutopostOptions> options, TimeProvider time)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <inheritdoc />
    public Task<AutopostItem> EnqueueAsync(AutopostEnqueueRequest request, CancellationToken cancellationToken = default)
    {
        var item = AutopostRequestValidator.Validate(request, _options.CurrentValue, _time.GetUtcNow());
        return _store.InsertAsync(item, cancellationToken);
    }

    /// <inheritdoc />
    public Task<AutopostEnqueueResult> EnqueueAsync(AutopostEnqueueRequest request, AutopostIdempotency idempotency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotency);
        var item = AutopostRequestValidator.Validate(request, _options.CurrentValue, _time.GetUtcNow());
        return _store.InsertAsync(item, idempotency, cancellationToken);
    }

    /// <inheritdoc />
    public Task<AutopostEnqueueResult?> FindByIdempotencyKeyAsync(AutopostIdempotency idempotency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotency);
        return _store.FindByIdempotencyKeyAsync(idempotency, cancellationToken);
    }

    /// <inheritdoc />
    public Task<AutopostItem?> GetAsync(long id, CancellationToken cancellationToken = default) => _store.GetAsync(id, cancellationToken);

    /// <inheritdoc />
    public async Task<AutopostPage> ListAsync(AutopostQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > AutopostQuery.MaxLimit)
        {
            throw new ArgumentException($"limit must be between 1 and {AutopostQuery.MaxLimit} (got {query.Limit}).", nameof(query));
        }

        long? beforeId = null;
        if (!string.IsNullOrEmpty(query.Cursor))
        {
            if (!long.TryParse(query.Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0)
            {
                throw new ArgumentException("cursor is not one this queue issued.", nameof(query));
            }

            beforeId = parsed;
        }

        var normalized = query.Channel is null ? query : query with { Channel = AutopostChannels.Normalize(query.Channel) ?? query.Channel };
        // One extra row tells whether another page exists.
        var items = await _store.ListAsync(normalized, beforeId, query.Limit + 1, cancellationToken).ConfigureAwait(false);
        if (items.Count <= query.Limit)
        {
            return new AutopostPage(items, null);
        }

        var page = new AutopostItem[query.Limit];
        for (var i = 0; i < page.Length; i++)
        {
            page[i] = items[i];
        }

        return new AutopostPage(page, page[^1].Id.ToString(CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public Task<AutopostCommandResult> CancelAsync(long id, CancellationToken cancellationToken = default) =>
        _store.CancelAsync(id, _time.GetUtcNow(), cancellationToken);

    /// <inheritdoc />
    public Task<AutopostCommandResult> RetryNowAsync(long id, CancellationToken cancellationToken = default) =>
        _store.RetryNowAsync(id, _time.GetUtcNow(), cancellationToken);
}
