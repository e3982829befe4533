using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Rizquna.Scheduling.Plans;

/// <summary>
/// The parameters of a generated account job, held as fields instead of a <see cref="Dictionary{TKey,TValue}"/>: one
/// small object per account (shared by its reply and post jobs) instead of a dictionary, its two arrays and the index
/// text. Reads exactly like the dictionary <see cref="PlanGenerator"/> used to build: the same pairs, enumerated in the
/// same order (platform id, index, credential reference, then the account's other ids that do not clash with those).
/// </summary>
internal sealed class AccountParameters : IReadOnlyDictionary<string, string>
{
    private readonly KeyValuePair<string, string>[] _ids;
    private string? _indexText;

    public AccountParameters(string platformAccountId, int index, AccountSettings? settings)
    {
        PlatformAccountId = platformAccountId;
        Index = index;
        CredentialRef = string.IsNullOrEmpty(settings?.CredentialRef) ? null : settings.CredentialRef;
        _ids = CopyIds(settings, CredentialRef is not null);
    }

    public string PlatformAccountId { get; }

    public int Index { get; }

    public string? CredentialRef { get; }

    /// <summary>The account's other ids, in their settings' order, without the keys the fields above already hold.</summary>
    public ReadOnlySpan<KeyValuePair<string, string>> Ids => _ids;

    /// <summary>The index as text; formatted on first read (a lane rarely asks for it).</summary>
    public string IndexText => _indexText ??= Index.ToString(CultureInfo.InvariantCulture);

    public int Count => 2 + (CredentialRef is null ? 0 : 1) + _ids.Length;

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The job has no parameter '{key}'.");

    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var pair in this)
            {
                yield return pair.Key;
            }
        }
    }

    public IEnumerable<string> Values
    {
        get
        {
            foreach (var pair in this)
            {
                yield return pair.Value;
            }
        }
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        switch (key)
        {
            case PlanGenerator.PlatformAccountIdParameter:
                value = PlatformAccountId;
                return true;
            case PlanGenerator.IndexParameter:
                value = IndexText;
                return true;
            case PlanGenerator.CredentialRefParameter when CredentialRef is not null:
                value = CredentialRef;
                return true;
        }

        foreach (var pair in _ids)
        {
            if (string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                value = pair.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Same pairs as <paramref name="other"/>, compared field by field.</summary>
    public bool SameAs(AccountParameters other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (Index != other.Index || PlatformAccountId != other.PlatformAccountId || CredentialRef != other.CredentialRef || _ids.Length != other._ids.Length)
        {
            return false;
        }

        foreach (var pair in _ids)
        {
            if (!other.TryGetValue(pair.Key, out var value) || value != pair.Value)
            {
                return false;
            }
        }

        return true;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        yield return new(PlanGenerator.PlatformAccountIdParameter, PlatformAccountId);
        yield return new(PlanGenerator.IndexParameter, IndexText);
        if (CredentialRef is not null)
        {
            yield return new(PlanGenerator.CredentialRefParameter, CredentialRef);
        }

        foreach (var pair in _ids)
        {
            yield return pair;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // A copy: the plan must not change when the settings object is edited later.
    private static KeyValuePair<string, string>[] CopyIds(AccountSettings? settings, bool hasCredentialRef)
    {
        if (settings is null || settings.Ids.Count == 0)
        {
            return [];
        }

        var ids = new List<KeyValuePair<string, string>>(settings.Ids.Count);
        foreach (var pair in settings.Ids)
        {
            // As Dictionary.TryAdd did: the fixed parameters win over an id of the same name.
            if (pair.Key is PlanGenerator.PlatformAccountIdParameter or PlanGenerator.IndexParameter
                || (hasCredentialRef && pair.Key == PlanGenerator.CredentialRefParameter))
            {
                continue;
            }

            ids.Add(pair);
        }

        return ids.ToArray();
    }
}
