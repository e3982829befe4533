using System.ComponentModel.DataAnnotations;
using Rizquna.Http;

namespace Rizquna.Connectors.Waha;

/// <summary>Settings of the WAHA connector, bound from <c>Rizquna:Waha</c>.</summary>
public sealed class WahaOptions
{
    /// <summary>The configuration section the sample host binds: <c>Rizquna:Waha</c>.</summary>
    public const string SectionName = "Rizquna:Waha";

    /// <summary>The WAHA gateway, e.g. <c>http://waha:3000/</c>. Required: WAHA is self-hosted.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The gateway's API key, sent as <c>X-Api-Key</c>. Never logged. Empty when the gateway has no key.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The session used when an account does not name one in <see cref="AccountRef.PlatformAccountId"/>. Default <c>default</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Rizquna:Waha:Session is required (the WAHA session name, e.g. default).")]
    public string Session { get; set; } = "default";

    /// <summary>Where <see cref="IPublisher"/> sends a post that carries no <c>waha.chat_id</c> metadata (a phone number, group or channel id).</summary>
    public string? PublishChatId { get; set; }

    /// <summary>The operators' WhatsApp chat that receives reports (phone number or group id).</summary>
    public string? AdminChatId { get; set; }

    /// <summary>The country code put in front of local numbers that start with 0. Default <c>62</c> (Indonesia).</summary>
    [RegularExpression("^[1-9][0-9]{0,2}$", ErrorMessage = "Rizquna:Waha:CountryCode must be 1–3 digits without '+' (e.g. 62).")]
    public string CountryCode { get; set; } = WahaChatId.DefaultCountryCode;

    /// <summary>The longest message a report is split into, in UTF-16 code units. Default 4,000.</summary>
    [Range(100, 65_536, ErrorMessage = "Rizquna:Waha:ReportChunkLength must be between 100 and 65536.")]
    public int ReportChunkLength { get; set; } = 4_000;

    /// <summary>
    /// Sends <c>linkPreview</c> with texts when set (a parameter of newer WAHA versions, UNVERIFIED for 2024.10); left out when null.
    /// </summary>
    public bool? LinkPreview { get; set; }

    /// <summary>The largest local media file sent inline as base64. Default 16 MB.</summary>
    [Range(1, 100L * 1024 * 1024, ErrorMessage = "Rizquna:Waha:MaxInlineMediaBytes must be between 1 and 104857600.")]
    public long MaxInlineMediaBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>The webhook's HMAC key (the session's <c>config.webhooks[].hmac.key</c>). Never logged.</summary>
    public string? WebhookHmacKey { get; set; }

    /// <summary>
    /// Accept webhooks without an <c>X-Webhook-Hmac</c> header when no <see cref="WebhookHmacKey"/> is set. Default false:
    /// an unsigned webhook is refused.
    /// </summary>
    public bool AllowUnsignedWebhooks { get; set; }

    /// <summary>How many chats one poll reads (most recent first). Default 50.</summary>
    [Range(1, 1_000, ErrorMessage = "Rizquna:Waha:PollChatLimit must be between 1 and 1000.")]
    public int PollChatLimit { get; set; } = 50;

    /// <summary>How many recent messages one poll reads per chat. Default 50.</summary>
    [Range(1, 1_000, ErrorMessage = "Rizquna:Waha:PollMessageLimit must be between 1 and 1000.")]
    public int PollMessageLimit { get; set; } = 50;

    /// <summary>
    /// Asks for chats sorted by last activity (<c>sortBy=conversationTimestamp&amp;sortOrder=desc</c>, newer WAHA versions). Default true;
    /// turn off for a gateway that rejects the parameters.
    /// </summary>
    public bool SortChatsByActivity { get; set; } = true;

    /// <summary>How far back the first poll (no cursor yet) looks. Default 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "Rizquna:Waha:InitialLookback must be between 0 and 30 days.")]
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most chats remembered in a poll cursor; the least recent are forgotten first. Default 500.</summary>
    [Range(1, 100_000, ErrorMessage = "Rizquna:Waha:MaxTrackedChats must be between 1 and 100000.")]
    public int MaxTrackedChats { get; set; } = 500;

    /// <summary>Message ids remembered per account to drop duplicates between webhook and poll. Default 10,000.</summary>
    [Range(100, 1_000_000, ErrorMessage = "Rizquna:Waha:SeenMessageCapacity must be between 100 and 1000000.")]
    public int SeenMessageCapacity { get; set; } = 10_000;

    /// <summary>
    /// While a session needs attention (QR scan, failed, stopped), sends fail at once without a call; after this long the
    /// next send goes through to check again. Default 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Rizquna:Waha:SessionRecheckInterval must be between 1 second and 1 day.")]
    public TimeSpan SessionRecheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>HTTP resilience (<c>Rizquna:Waha:Resilience</c>).</summary>
    public ResilienceSettings Resilience { get; set; } = new();

    /// <summary>What WhatsApp accepts; defaults from <see cref="KnownPlatformLimits.WhatsApp"/>.</summary>
    public int MaxTextLength { get; set; } = KnownPlatformLimits.WhatsApp.MaxTextLength;
}
