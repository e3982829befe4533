namespace Rizquna.SampleHost.Configuration;

/// <summary><c>Rizquna:Webhooks</c> — inbound webhooks: content generators and platform callbacks.</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Rizquna:Webhooks";

    /// <summary>Generator sources by name (<c>POST /api/autopost/webhook/{source}</c>), each with its HMAC secret.</summary>
    public Dictionary<string, WebhookSourceOptions> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How far a signed timestamp may be from now before the delivery is rejected as a replay.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>One content generator allowed to push items.</summary>
public sealed class WebhookSourceOptions
{
    /// <summary>Shared secret for <c>X-Rizquna-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))</c>.</summary>
    public string Secret { get; set; } = string.Empty;
}
