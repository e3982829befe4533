using System.Text.Json.Serialization;

namespace Rizquna.Content;

/// <summary>Body of <c>POST /v4/shorten</c>.</summary>
internal sealed record BitlyShortenRequest(
    [property: JsonPropertyName("long_url")] string LongUrl,
    [property: JsonPropertyName("domain")] string? Domain,
    [property: JsonPropertyName("group_guid")] string? GroupGuid);

/// <summary>The part of a Bitlink response the shortener reads.</summary>
internal sealed record BitlyShortenResponse([property: JsonPropertyName("link")] string? Link);

/// <summary>A Bitly error body: <c>{"message":"INVALID_ARG_LONG_URL","description":"…"}</c>.</summary>
internal sealed record BitlyError(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("description")] string? Description);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BitlyShortenRequest))]
[JsonSerializable(typeof(BitlyShortenResponse))]
[JsonSerializable(typeof(BitlyError))]
internal sealed partial class BitlyJsonContext : JsonSerializerContext;
