using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// The few <see cref="PublishResult.Details"/> of a publish (two to five entries) as a read-only list of pairs: a lookup
/// scans at most five keys, and building it costs one small array instead of a hash table per publish.
/// </summary>
internal sealed class PublishDetails(KeyValuePair<string, string>[] entries) : IReadOnlyDictionary<string, string>
{
    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No detail '{key}'.");

    public IEnumerable<string> Keys => entries.Select(static e => e.Key);

    public IEnumerable<string> Values => entries.Select(static e => e.Value);

    public int Count => entries.Length;

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var entry in entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                value = entry.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
