using System.Text.Json.Serialization;

namespace Rizquna.Scheduling.Lanes.Storage;

/// <summary>Source-generated JSON for what the lanes' stores serialize.</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class LaneJsonContext : JsonSerializerContext;
