namespace Rizquna.Connectors.Meta.Graph.Models;

internal sealed class DebugTokenResponse
{
    public DebugTokenData? Data { get; set; }
}

internal sealed class DebugTokenData
{
    public string? AppId { get; set; }
    public string? Type { get; set; }
    public bool? IsValid { get; set; }
    public long? ExpiresAt { get; set; }
    public long? DataAccessExpiresAt { get; set; }
    public long? IssuedAt { get; set; }
    public List<string>? Scopes { get; set; }
    public string? UserId { get; set; }
    public string? ProfileId { get; set; }
    public DebugTokenError? Error { get; set; }
}

internal sealed class DebugTokenError
{
    public int? Code { get; set; }
    public string? Message { get; set; }
    public int? Subcode { get; set; }
}
