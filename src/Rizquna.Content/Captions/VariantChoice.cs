namespace Rizquna.Content;

/// <summary>
/// Which A/B variant of a template to render: a fixed index, or one picked by a stable hash of a key (the same key picks
/// the same variant in every process and on every machine). The default value picks the first variant.
/// </summary>
public readonly record struct VariantChoice
{
    private VariantChoice(int? index, string? key)
    {
        FixedIndex = index;
        Key = key;
    }

    /// <summary>The index chosen explicitly, or null.</summary>
    public int? FixedIndex { get; }

    /// <summary>The key hashed to pick a variant, or null.</summary>
    public string? Key { get; }

    /// <summary>The first variant.</summary>
    public static VariantChoice First => default;

    /// <summary>The variant at <paramref name="index"/> (zero-based).</summary>
    public static VariantChoice Fixed(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new VariantChoice(index, null);
    }

    /// <summary>
    /// The variant at <c>FNV-1a-32(UTF-8 bytes of key) mod variantCount</c>: stable across processes, unlike
    /// <see cref="string.GetHashCode()"/>. Use e.g. the account key plus the date to rotate variants per account and day.
    /// </summary>
    public static VariantChoice ByKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new VariantChoice(null, key);
    }

    /// <summary>The zero-based index this choice selects among <paramref name="variantCount"/> variants.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A fixed index is not below <paramref name="variantCount"/>.</exception>
    public int Resolve(int variantCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(variantCount);
        if (FixedIndex is { } index)
        {
            if (index >= variantCount)
            {
                throw new ArgumentOutOfRangeException(nameof(FixedIndex), index,
                    $"variant {index} was asked for but the template has {variantCount} variant(s) (0..{variantCount - 1}).");
            }

            return index;
        }

        return Key is null ? 0 : (int)(StableHash.Fnv1a32(Key) % (uint)variantCount);
    }
}
