using System.Text.Json;

namespace Rizquna.Connectors.Waha.Api;

/// <summary>Reads ids that engines shape differently: a string, an object with <c>_serialized</c>, or NOWEB's <c>key.id</c>.</summary>
internal static class WahaIds
{
    public static string? MessageId(JsonElement? id, JsonElement? key = null)
    {
        if (Serialized(id) is { } value)
        {
            return value;
        }

        return key is { ValueKind: JsonValueKind.Object } k && k.TryGetProperty("id", out var keyId) && keyId.ValueKind == JsonValueKind.String
            ? keyId.GetString()
            : null;
    }

    public static string? Serialized(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Object } o when o.TryGetProperty("_serialized", out var ser) && ser.ValueKind == JsonValueKind.String => ser.GetString(),
        _ => null,
    };
}
