namespace Rizquna.Connectors.TikTok;

/// <summary>Keys of <see cref="PlatformCredential.Properties"/> the connector writes after a refresh.</summary>
public static class TikTokCredentialProperties
{
    /// <summary>The granted scopes, comma-separated as TikTok returns them (<c>user.info.basic,video.publish</c>).</summary>
    public const string Scope = "scope";

    /// <summary>The user's <c>open_id</c>.</summary>
    public const string OpenId = "open_id";
}
