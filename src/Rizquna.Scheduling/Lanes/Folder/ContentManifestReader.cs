using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Rizquna.Scheduling.Lanes.Folder;

/// <summary>
/// Reads a manifest (JSON or YAML, same fields). YAML is loaded into the same JSON tree so that both formats share one
/// set of checks; every problem names the file and the field.
/// </summary>
internal static class ContentManifestReader
{
    private static readonly string[] KnownFields = ["text", "link", "template", "variant", "data", "hashtags", "date", "media", "placement"];

    public static ContentManifest Read(string path)
    {
        var name = Path.GetFileName(path);
        var text = File.ReadAllText(path);
        JsonNode? root;
        try
        {
            root = Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase) ? JsonNode.Parse(text) : FromYaml(text);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"{name}: not valid JSON ({exception.Message}).", exception);
        }
        catch (YamlException exception)
        {
            throw new FormatException($"{name}: not valid YAML (line {exception.Start.Line}: {exception.Message}).", exception);
        }

        if (root is null)
        {
            return new ContentManifest();
        }

        if (root is not JsonObject obj)
        {
            throw new FormatException($"{name}: the manifest must be an object of fields ({string.Join(", ", KnownFields)}).");
        }

        foreach (var (field, _) in obj)
        {
            if (Array.IndexOf(KnownFields, field.ToLowerInvariant()) < 0)
            {
                throw new FormatException($"{name}: unknown field '{field}' (known: {string.Join(", ", KnownFields)}).");
            }
        }

        return new ContentManifest
        {
            Text = String(obj, "text", name),
            Link = Link(obj, name),
            Template = String(obj, "template", name),
            Variant = String(obj, "variant", name),
            Data = Data(obj, name),
            Hashtags = Strings(obj, "hashtags", name) ?? [],
            Date = Date(obj, name),
            Media = Strings(obj, "media", name),
            Placement = Placement(obj, name),
        };
    }

    private static JsonNode? Get(JsonObject obj, string field)
    {
        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, field, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static string? String(JsonObject obj, string field, string file)
    {
        var node = Get(obj, field);
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number)
        {
            var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        throw new FormatException($"{file}: field '{field}' must be text.");
    }

    private static string? Link(JsonObject obj, string file)
    {
        var link = String(obj, "link", file)?.Trim();
        if (link is not null && (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            throw new FormatException($"{file}: field 'link' must be an absolute http or https URL.");
        }

        return link;
    }

    private static IReadOnlyList<string>? Strings(JsonObject obj, string field, string file)
    {
        var node = Get(obj, field);
        if (node is null)
        {
            return null;
        }

        if (node is JsonArray array)
        {
            var list = new List<string>(array.Count);
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not JsonValue value || value.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetValue<string>()))
                {
                    throw new FormatException($"{file}: field '{field}[{i}]' must be non-empty text.");
                }

                list.Add(value.GetValue<string>().Trim());
            }

            return list;
        }

        // A single string is a one-element list; for hashtags a space-separated line is accepted too.
        if (node is JsonValue single && single.GetValueKind() == JsonValueKind.String)
        {
            return single.GetValue<string>().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        throw new FormatException($"{file}: field '{field}' must be a list of text.");
    }

    private static DateOnly? Date(JsonObject obj, string file)
    {
        var text = String(obj, "date", file);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return DateOnly.FromDateTime(instant.Date);
        }

        throw new FormatException($"{file}: field 'date' must be a date like 2026-12-03.");
    }

    private static PostPlacement? Placement(JsonObject obj, string file)
    {
        var text = String(obj, "placement", file);
        if (text is null)
        {
            return null;
        }

        return Enum.TryParse<PostPlacement>(text, ignoreCase: true, out var placement) && Enum.IsDefined(placement)
            ? placement
            : throw new FormatException($"{file}: field 'placement' must be feed, story or reel.");
    }

    private static IReadOnlyDictionary<string, object?> Data(JsonObject obj, string file)
    {
        var node = Get(obj, "data");
        if (node is null)
        {
            return new Dictionary<string, object?>(0);
        }

        if (node is not JsonObject data)
        {
            throw new FormatException($"{file}: field 'data' must be an object of template values.");
        }

        return (Dictionary<string, object?>)ToValue(data)!;
    }

    private static object? ToValue(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(static p => p.Key, static p => ToValue(p.Value), StringComparer.OrdinalIgnoreCase),
        JsonArray a => a.Select(ToValue).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            // Numbers keep their spelling ("96.50" stays "96.50"), as captions show them.
            _ => v.ToJsonString(),
        },
        _ => null,
    };

    private static JsonNode? FromYaml(string text)
    {
        var graph = new DeserializerBuilder().Build().Deserialize<object?>(text);
        return ToNode(graph);
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        IDictionary<object, object?> map => new JsonObject(map.Select(static p => KeyValuePair.Create(Convert.ToString(p.Key, CultureInfo.InvariantCulture)!, ToNode(p.Value)))),
        IList<object?> list => new JsonArray(list.Select(ToNode).ToArray()),
        string s => JsonValue.Create(s),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
