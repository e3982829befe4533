namespace Rizquna.Connectors.TikTok;

/// <summary>The <c>{data, error:{code, message, log_id}}</c> envelope of every non-OAuth endpoint.</summary>
internal sealed class TikTokEnvelope<T>
    where T : class
{
    public T? Data { get; set; }

    public TikTokError? Error { get; set; }
}

/// <summary>The envelope's error part; <c>code == "ok"</c> means success.</summary>
internal sealed class TikTokError
{
    public const string Ok = "ok";

    public string? Code { get; set; }

    public string? Message { get; set; }

    public string? LogId { get; set; }
}

/// <summary>An empty <c>data</c> object, for calls whose data is not read.</summary>
internal sealed class TikTokEmpty
{
}
