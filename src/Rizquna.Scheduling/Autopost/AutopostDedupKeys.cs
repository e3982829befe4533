using System.Text.Json;

namespace Rizquna.Scheduling.Autopost;

/// <summary>The default dedup key of a queue item: <c>data.game</c> + <c>data.window</c> (seed 001, item 14).</summary>
internal static class AutopostDedupKeys
{
    public static string? FromData(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } json)
        {
            return null;
        }

        var game = Text(json, "game");
        var window = Text(json, "window");
        if (game is null && window is null)
        {
            return null;
        }

        return $"{game?.ToLowerInvariant()}|{window?.ToLowerInvariant()}";
    }

    private static string? Text(JsonElement json, string name)
    {
        if (!json.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
