using System.ComponentModel.DataAnnotations;
using Rizquna.Http;

namespace Rizquna.Connectors.Meta;

/// <summary>
/// Settings of the Meta connector, bound from <c>Rizquna:Meta</c>. Account ids and tokens are not here: they come from
/// the <see cref="ICredentialProvider"/> (the account's <see cref="AccountRef.PlatformAccountId"/> is the Page id or the
/// Instagram user id). Values the platform contracts mark UNVERIFIED are settings, not constants.
/// </summary>
public sealed class MetaOptions
{
    /// <summary>The configuration section name under <c>Rizquna</c>.</summary>
    public const string SectionName = "Rizquna:Meta";

    /// <summary>The Graph API base address, with its version. Default <c>https://graph.facebook.com/v25.0/</c>.</summary>
    public Uri BaseAddress { get; set; } = new("https://graph.facebook.com/v25.0/");

    /// <summary>The Meta app id (for <c>/debug_token</c>).</summary>
    public string? AppId { get; set; }

    /// <summary>
    /// The Meta app secret: signs every call with <c>appsecret_proof</c>, authenticates <c>/debug_token</c> and verifies
    /// webhook signatures. Never logged.
    /// </summary>
    public string? AppSecret { get; set; }

    /// <summary>Send <c>appsecret_proof</c> with each call when <see cref="AppSecret"/> is set. Default true.</summary>
    public bool UseAppSecretProof { get; set; } = true;

    /// <summary>The token Meta echoes in the webhook verification handshake (<c>hub.verify_token</c>).</summary>
    public string? WebhookVerifyToken { get; set; }

    /// <summary>
    /// Usage (percent of any field of <c>X-App-Usage</c>, <c>X-Business-Use-Case-Usage</c>, <c>X-Page-Usage</c>) at or above
    /// which the connector reports "rate limited" before calling, instead of spending the last calls. Default 90.
    /// </summary>
    [Range(1, 100)]
    public int UsageThresholdPercent { get; set; } = 90;

    /// <summary>How long calls stay blocked after a usage reading over the threshold, when Meta gives no regain time. Default 5 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan UsageBlockDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The account pause recommended after error 368 (temporarily blocked for policy violations). Default 24 h.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan PolicyBlockCooldown { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Earliest a Facebook scheduled post may be, from now (UNVERIFIED window). Default 10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ScheduleMinimumLead { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Latest a Facebook scheduled post may be, from now (UNVERIFIED window). Default 30 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan ScheduleMaximumLead { get; set; } = TimeSpan.FromDays(30);

    /// <summary>First wait before re-reading an Instagram container's status; later waits double. Default 3 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ContainerPollInitialDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Longest wait between two container status reads (Meta suggests about once a minute). Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ContainerPollMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a container may stay IN_PROGRESS before the publish gives up (Meta suggests 5 min). Default 5 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ContainerPollTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Check <c>content_publishing_limit</c> before publishing to Instagram. Default true.</summary>
    public bool CheckPublishingQuota { get; set; } = true;

    /// <summary>Instagram caption length. Default 2,200.</summary>
    [Range(1, 100_000)]
    public int InstagramMaxCaptionLength { get; set; } = 2_200;

    /// <summary>Instagram hashtags per caption (30 per the API reference; some sources say 5 — UNVERIFIED). Default 30.</summary>
    [Range(0, 1_000)]
    public int InstagramMaxHashtags { get; set; } = 30;

    /// <summary>Instagram @mentions per caption. Default 20.</summary>
    [Range(0, 1_000)]
    public int InstagramMaxMentions { get; set; } = 20;

    /// <summary>Facebook post text length (UNVERIFIED, commonly 63,206). Default 63,206.</summary>
    [Range(1, 1_000_000)]
    public int FacebookMaxTextLength { get; set; } = 63_206;

    /// <summary>How far back the first inbox poll of an account reads (no cursor yet). Default 24 h.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan InboxLookback { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Recent posts or media whose comments each poll reads. Default 10.</summary>
    [Range(1, 100)]
    public int InboxRecentPosts { get; set; } = 10;

    /// <summary>Messenger's standard messaging window: replies to a message older than this are refused. Default 24 h.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan MessagingWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Clock skew allowed when reconciliation matches a post's time to the attempt's start. Default 2 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ReconcileClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Tokens expiring within this window are flagged by the token inspector. Default 24 h.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "90.00:00:00")]
    public TimeSpan TokenExpiryWarning { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Timeouts, retries of reads and the per-account circuit breaker (<c>Rizquna:Meta:Resilience</c>).</summary>
    public ResilienceSettings Resilience { get; set; } = new();
}
