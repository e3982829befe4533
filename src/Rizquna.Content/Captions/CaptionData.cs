using System.Globalization;
using System.Text.Json;

namespace Rizquna.Content;

/// <summary>
/// The values a caption template reads (<c>{{game}}</c>, <c>{{rtp}}</c>, <c>{{window}}</c>, <c>{{pattern}}</c>,
/// <c>{{jam}}</c>, <c>{{link}}</c> …), from a dictionary or a JSON object. Names are matched case-insensitively.
/// Immutable: <see cref="With"/> returns a copy.
/// </summary>
public sealed class CaptionData
{
    private readonly Dictionary<string, object?> _values;

    private CaptionData(Dictionary<string, object?> values) => _values = values;

    /// <summary>No values.</summary>
    public static CaptionData Empty { get; } = new(new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase));

    /// <summary>The values, by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, object?> Values => _values;

    /// <summary>The dictionary handed to Handlebars (read only by convention).</summary>
    internal Dictionary<string, object?> Model => _values;

    /// <summary>Data from name/value pairs; nested dictionaries and lists are kept for <c>{{#each}}</c> and paths.</summary>
    public static CaptionData From(IEnumerable<KeyValuePair<string, object?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var copy = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(values));
            copy[key] = value;
        }

        return new CaptionData(copy);
    }

    /// <summary>Data from text name/value pairs (e.g. a <c>Dictionary&lt;string, string&gt;</c> read from a file).</summary>
    public static CaptionData From(IEnumerable<KeyValuePair<string, string?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return From(values.Select(static pair => new KeyValuePair<string, object?>(pair.Key, pair.Value)));
    }

    /// <summary>Data from a JSON object, e.g. <c>{"game":"Gates of Olympus","rtp":96.5,"jam":"13:00"}</c>.</summary>
    /// <exception cref="ArgumentException">The JSON is not an object.</exception>
    public static CaptionData FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"json is not valid JSON: {exception.Message}", nameof(json), exception);
        }

        using (document)
        {
            return FromJson(document.RootElement);
        }
    }

    /// <summary>Data from a JSON object element.</summary>
    /// <exception cref="ArgumentException">The element is not an object.</exception>
    public static CaptionData FromJson(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"json must be a JSON object, not {json.ValueKind}.", nameof(json));
        }

        return new CaptionData(ToDictionary(json));
    }

    /// <summary>A copy with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public CaptionData With(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var copy = new Dictionary<string, object?>(_values, StringComparer.OrdinalIgnoreCase) { [name] = value };
        return new CaptionData(copy);
    }

    /// <summary>The value of <paramref name="name"/> as text (invariant culture), or null when absent.</summary>
    public string? GetString(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _values.TryGetValue(name, out var value) ? AsText(value) : null;
    }

    internal static string? AsText(object? value) => value switch
    {
        null => null,
        string s => s,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static Dictionary<string, object?> ToDictionary(JsonElement json)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in json.EnumerateObject())
        {
            values[property.Name] = ToValue(property.Value);
        }

        return values;
    }

    private static object? ToValue(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => ToDictionary(json),
        JsonValueKind.Array => json.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.String => json.GetString(),
        // Numbers keep their JSON spelling ("96.50" stays "96.50"): captions show them as written.
        JsonValueKind.Number => json.GetRawText(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
