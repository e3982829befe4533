using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rizquna.SampleHost;

/// <summary>The API's JSON conventions: snake_case names, ISO-8601 UTC times, enums as strings, nulls omitted.</summary>
public static class HostJson
{
    /// <summary>Shared serializer options (also applied to minimal-API results).</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the conventions to an options instance.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        }

        return options;
    }
}
