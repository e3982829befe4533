using System.Text;

namespace Rizquna.Content;

/// <summary>
/// Builds the key a dedup rule compares ("don't post the same game + window within 60 minutes"): the named fields,
/// each normalised, joined as <c>game=gates of olympus|window=13:00-15:00</c>.
/// </summary>
/// <remarks>
/// Normalisation: Unicode NFKC (full-width and compatibility forms fold to their plain form), trim, lower case
/// (invariant culture), and every run of whitespace collapsed to one space. A field that is absent counts as empty.
/// <c>|</c>, <c>=</c> and <c>\</c> in values are escaped with <c>\</c>, so different values never give the same key.
/// </remarks>
public static class DedupKey
{
    /// <summary>The key for <paramref name="fields"/> of <paramref name="data"/>, in the order named.</summary>
    public static string For(CaptionData data, params ReadOnlySpan<string> fields)
    {
        ArgumentNullException.ThrowIfNull(data);
        return For(data.Values, fields);
    }

    /// <summary>The key for <paramref name="fields"/> of <paramref name="values"/>, in the order named.</summary>
    /// <exception cref="ArgumentException">No fields are named.</exception>
    public static string For(IReadOnlyDictionary<string, object?> values, params ReadOnlySpan<string> fields)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (fields.IsEmpty)
        {
            throw new ArgumentException("fields must name at least one field (e.g. \"game\", \"window\").", nameof(fields));
        }

        var builder = new StringBuilder();
        foreach (var field in fields)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(field, nameof(fields));
            var name = Normalize(field);
            var value = values.TryGetValue(field, out var raw) ? Normalize(CaptionData.AsText(raw)) : string.Empty;
            if (builder.Length > 0)
            {
                builder.Append('|');
            }

            builder.Append(name).Append('=');
            foreach (var c in value)
            {
                if (c is '|' or '=' or '\\')
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>One value normalised: NFKC, trimmed, lower case (invariant), whitespace runs collapsed to one space.</summary>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var text = value.IsNormalized(NormalizationForm.FormKC) ? value : value.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
