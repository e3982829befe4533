using System.Text.Json.Serialization;

namespace Rizquna.Connectors.TikTok;

/// <summary>Source-generated, snake_case JSON for every TikTok wire shape.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(TikTokEnvelope<CreatorInfo>))]
[JsonSerializable(typeof(TikTokEnvelope<PublishInitData>))]
[JsonSerializable(typeof(TikTokEnvelope<PublishStatusData>))]
[JsonSerializable(typeof(TikTokEnvelope<TikTokEmpty>))]
[JsonSerializable(typeof(VideoInitRequest))]
[JsonSerializable(typeof(PhotoInitRequest))]
[JsonSerializable(typeof(StatusFetchRequest))]
[JsonSerializable(typeof(TikTokEmpty))]
[JsonSerializable(typeof(OAuthTokenResponse))]
internal sealed partial class TikTokJsonContext : JsonSerializerContext
{
}
