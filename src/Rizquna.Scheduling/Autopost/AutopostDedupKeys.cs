using System.Text.Json;
using Rizquna.Content;

namespace Rizquna.Scheduling.Autopost;

/// <summary>The default dedup key of a queue item: <c>data.game</c> + <c>data.window</c> (seed 001, item 14), built by <see cref="DedupKey"/>.</summary>
internal static class AutopostDedupKeys
{
    public static string? FromData(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } json || (!Has(json, "game") && !Has(json, "window")))
        {
            return null;
        }

        return DedupKey.For(CaptionData.FromJson(json), "game", "window");
    }

    private static bool Has(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
        && !string.IsNullOrWhiteSpace(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText());
}
