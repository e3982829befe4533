namespace Rizquna.Connectors.TikTok;

/// <summary>Names of the connector's HTTP clients.</summary>
internal static class TikTokHttp
{
    /// <summary>The open API (posting, status, OAuth), with the configured base address.</summary>
    public const string ApiClient = "Rizquna.TikTok";

    /// <summary>Chunk uploads to the absolute <c>upload_url</c>, with longer timeouts.</summary>
    public const string UploadClient = "Rizquna.TikTok.Upload";
}
