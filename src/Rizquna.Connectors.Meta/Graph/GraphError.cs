namespace Rizquna.Connectors.Meta.Graph;

/// <summary>The fields of Graph's error envelope (<c>{"error":{...}}</c>) the connector acts on.</summary>
internal sealed record GraphError(
    string? Message,
    string? Type,
    int? Code,
    int? Subcode,
    bool IsTransient,
    string? FbTraceId,
    string? UserTitle,
    string? UserMessage);
