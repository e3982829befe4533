using System.ComponentModel.DataAnnotations;
using Rizquna.Http;

namespace Rizquna.Connectors.TikTok;

/// <summary>Settings of the TikTok connector, bound from <c>Rizquna:TikTok</c>.</summary>
public sealed class TikTokOptions
{
    /// <summary>The configuration section the host binds: <c>Rizquna:TikTok</c>.</summary>
    public const string SectionName = "Rizquna:TikTok";

    /// <summary>The open API host (<c>Rizquna:TikTok:BaseAddress</c>). Default <c>https://open.tiktokapis.com/</c>.</summary>
    [Required]
    public Uri? BaseAddress { get; set; } = new("https://open.tiktokapis.com/");

    /// <summary>The app's client key, sent with token refreshes.</summary>
    [Required]
    public string? ClientKey { get; set; }

    /// <summary>The app's client secret, sent with token refreshes. Never logged.</summary>
    [Required]
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Bytes in the media-transfer guide's "MB": 1,000,000 (decimal, as in its worked example; the default) or
    /// 1,048,576. UNVERIFIED which one the platform enforces.
    /// </summary>
    public int MegabyteBytes { get; set; } = 1_000_000;

    /// <summary>Preferred upload chunk size in bytes; between 5 and 64 MB. Default 10,000,000.</summary>
    public long ChunkSize { get; set; } = 10_000_000;

    /// <summary>Largest video accepted, in bytes. Default 4 GiB.</summary>
    [Range(1L, long.MaxValue)]
    public long MaxVideoBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Size of the pooled buffer that streams a chunk from disk. Default 1 MiB; never more than a chunk is held.</summary>
    [Range(4 * 1024, 64 * 1024 * 1024)]
    public int UploadBufferBytes { get; set; } = 1024 * 1024;

    /// <summary>Refresh an access token this long before it expires. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Pause between <c>status/fetch</c> calls (30 per minute per token are allowed). Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan StatusPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long to poll before handing back a "processing" result for the reconciler to finish. Default 10 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan StatusPollTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Cooldown recommended after <c>spam_risk_*</c> or <c>reached_active_user_cap</c>. Default 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan SpamRiskCooldown { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Wait suggested after <c>rate_limit_exceeded</c> when no <c>Retry-After</c> came. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RateLimitRetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Post mode when a post has no <c>tiktok.post_mode</c>. Default <see cref="TikTokPostMode.DirectPost"/>.</summary>
    public TikTokPostMode DefaultPostMode { get; set; } = TikTokPostMode.DirectPost;

    /// <summary>
    /// Privacy level when a post has no <c>tiktok.privacy_level</c>. Default <c>SELF_ONLY</c>, the only level an unaudited app may use.
    /// </summary>
    [Required]
    public string DefaultPrivacyLevel { get; set; } = "SELF_ONLY";

    /// <summary>Resilience of API calls (<c>Rizquna:TikTok:Resilience</c>).</summary>
    public ResilienceSettings Resilience { get; set; } = new();

    /// <summary>Resilience of chunk uploads: longer timeouts, since a chunk may be 128 MB (<c>Rizquna:TikTok:UploadResilience</c>).</summary>
    public ResilienceSettings UploadResilience { get; set; } = new()
    {
        AttemptTimeout = TimeSpan.FromMinutes(10),
        TotalTimeout = TimeSpan.FromMinutes(15),
    };

    internal ChunkRules ChunkRules => ChunkRules.For(MegabyteBytes);
}
