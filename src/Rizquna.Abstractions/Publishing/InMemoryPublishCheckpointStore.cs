using System.Collections.Concurrent;

namespace Rizquna;

/// <summary>A process-local <see cref="IPublishCheckpointStore"/>: enough for a connector used alone, lost on restart.</summary>
public sealed class InMemoryPublishCheckpointStore : IPublishCheckpointStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> _entries = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask SaveAsync(string idempotencyKey, string name, string value, CancellationToken cancellationToken = default)
    {
        _entries.GetOrAdd(idempotencyKey, static _ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal))[name] = value;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, string>> LoadAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<string, string> values = _entries.TryGetValue(idempotencyKey, out var found)
            ? new Dictionary<string, string>(found, StringComparer.Ordinal)
            : Post.EmptyMetadata;
        return ValueTask.FromResult(values);
    }
}
