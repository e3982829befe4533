using System.Text.Json.Serialization;
using Rizquna.Connectors.Meta.Graph.Models;

namespace Rizquna.Connectors.Meta.Graph;

/// <summary>Source-generated JSON for every Graph shape the connector sends or reads (snake_case, as Graph writes it).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(GraphErrorEnvelope))]
[JsonSerializable(typeof(IdResponse))]
[JsonSerializable(typeof(FeedRequest))]
[JsonSerializable(typeof(PhotoRequest))]
[JsonSerializable(typeof(PermalinkResponse))]
[JsonSerializable(typeof(ContainerRequest))]
[JsonSerializable(typeof(MediaPublishRequest))]
[JsonSerializable(typeof(ContainerStatus))]
[JsonSerializable(typeof(PublishingLimitResponse))]
[JsonSerializable(typeof(GraphList<FacebookPost>))]
[JsonSerializable(typeof(GraphList<FacebookComment>))]
[JsonSerializable(typeof(GraphList<Conversation>))]
[JsonSerializable(typeof(GraphList<InstagramMedia>))]
[JsonSerializable(typeof(GraphList<InstagramComment>))]
[JsonSerializable(typeof(MessageRequest))]
[JsonSerializable(typeof(MessengerSendRequest))]
[JsonSerializable(typeof(MessengerSendResponse))]
[JsonSerializable(typeof(DebugTokenResponse))]
[JsonSerializable(typeof(WebhookPayload))]
internal sealed partial class GraphJsonContext : JsonSerializerContext;
