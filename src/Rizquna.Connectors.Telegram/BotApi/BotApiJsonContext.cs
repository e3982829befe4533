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
internal sealed partial class BotApiJsonContext : JsonSerializerContext;
