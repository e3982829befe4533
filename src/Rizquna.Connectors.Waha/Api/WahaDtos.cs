using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rizquna.Connectors.Waha.Api;

// Wire shapes of the WAHA API (platform-contracts.md §4). Engine-specific parts stay JsonElement and are read by helpers.

internal sealed class SendTextBody
{
    public required string Session { get; init; }
    public required string ChatId { get; init; }
    public required string Text { get; init; }
    [JsonPropertyName("reply_to")]
    public string? ReplyTo { get; init; }
    public bool? LinkPreview { get; init; }
}

internal sealed class SendFileBody
{
    public required string Session { get; init; }
    public required string ChatId { get; init; }
    public required WahaFileBody File { get; init; }
    public string? Caption { get; init; }
    [JsonPropertyName("reply_to")]
    public string? ReplyTo { get; init; }
}

internal sealed class WahaFileBody
{
    public required string Mimetype { get; init; }
    public string? Filename { get; init; }
    public string? Url { get; init; }
    public string? Data { get; init; }
}

/// <summary>The sent message: WEBJS <c>id</c> (string or object with <c>_serialized</c>), NOWEB <c>key.id</c>.</summary>
internal sealed class SentMessageDto
{
    public JsonElement Id { get; init; }
    public JsonElement Key { get; init; }
    public long? Timestamp { get; init; }
    public long? MessageTimestamp { get; init; }
}

internal sealed class SessionDto
{
    public string? Name { get; init; }
    public string? Status { get; init; }
}

internal sealed class ChatDto
{
    public JsonElement Id { get; init; }
    public long? Timestamp { get; init; }
    public long? ConversationTimestamp { get; init; }
}

internal sealed class MessageDto
{
    public JsonElement Id { get; init; }
    public long Timestamp { get; init; }
    public string? From { get; init; }
    public bool FromMe { get; init; }
    public string? To { get; init; }
    public string? Participant { get; init; }
    public string? Author { get; init; }
    public string? Body { get; init; }
    public bool HasMedia { get; init; }
    public MediaDto? Media { get; init; }
    [JsonPropertyName("_data")]
    public JsonElement Data { get; init; }
}

internal sealed class MediaDto
{
    public string? Url { get; init; }
    public string? Mimetype { get; init; }
    public string? Filename { get; init; }
}

/// <summary>NestJS error bodies: <c>{statusCode, message, error}</c> or the 422 session-state body <c>{error, session, status, expected}</c>.</summary>
internal sealed class ErrorDto
{
    public JsonElement StatusCode { get; init; }
    public JsonElement Message { get; init; }
    public JsonElement Error { get; init; }
    public string? Session { get; init; }
    public string? Status { get; init; }
}

internal sealed class WebhookEnvelopeDto
{
    public string? Id { get; init; }
    public long? Timestamp { get; init; }
    public string? Event { get; init; }
    public string? Session { get; init; }
    public JsonElement Payload { get; init; }
}

internal sealed class SessionStatusPayloadDto
{
    public string? Name { get; init; }
    public string? Status { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(SendTextBody))]
[JsonSerializable(typeof(SendFileBody))]
[JsonSerializable(typeof(SentMessageDto))]
[JsonSerializable(typeof(SessionDto))]
[JsonSerializable(typeof(ChatDto))]
[JsonSerializable(typeof(MessageDto))]
[JsonSerializable(typeof(ErrorDto))]
[JsonSerializable(typeof(WebhookEnvelopeDto))]
[JsonSerializable(typeof(SessionStatusPayloadDto))]
[JsonSerializable(typeof(List<JsonElement>))]
internal sealed partial class WahaJsonContext : JsonSerializerContext;
