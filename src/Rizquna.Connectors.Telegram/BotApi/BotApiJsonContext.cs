using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rizquna.Connectors.Telegram.BotApi;

/// <summary>Source-generated JSON for the Bot API: snake_case names, nulls left out, numbers tolerant of strings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(SendPhotoRequest))]
[JsonSerializable(typeof(SendVideoRequest))]
[JsonSerializable(typeof(SendMediaGroupRequest))]
[JsonSerializable(typeof(IReadOnlyList<InputMedia>))]
[JsonSerializable(typeof(ReplyParameters))]
[JsonSerializable(typeof(GetUpdatesRequest))]
[JsonSerializable(typeof(EmptyRequest))]
[JsonSerializable(typeof(ApiResponse<Message>))]
[JsonSerializable(typeof(ApiResponse<Message[]>))]
[JsonSerializable(typeof(ApiResponse<JsonElement[]>))]
[JsonSerializable(typeof(ApiResponse<User>))]
[JsonSerializable(typeof(ApiResponse<bool>))]
[JsonSerializable(typeof(ApiResponse<JsonElement>))]
[JsonSerializable(typeof(Update))]
internal sealed partial class BotApiJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context the connector sends with. System.Text.Json's default encoder escapes HTML-sensitive characters
    /// (<c>&amp; &lt; &gt; '</c>) and all non-ASCII text as <c>\uXXXX</c>, a guard for JSON embedded in HTML pages. A Bot API
    /// body is never embedded in a page, and HTML parse-mode text is full of <c>&amp;lt;</c> entities: the relaxed encoder
    /// writes them, and non-ASCII text of the basic multilingual plane, as UTF-8 (still escaping quotes, backslashes, control
    /// characters and, as surrogate pairs, emoji), which is smaller on the wire and cheaper to write.
    /// </summary>
    public static BotApiJsonContext Wire => WireHolder.Context;

    // Its own type, so it is built after the generated Default (static initialisers of a partial class run in no set order).
    private static class WireHolder
    {
        internal static readonly BotApiJsonContext Context = new(new JsonSerializerOptions(Default.Options)
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }
}
