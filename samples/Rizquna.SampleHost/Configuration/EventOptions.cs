namespace Rizquna.SampleHost.Configuration;

/// <summary><c>Rizquna:Events</c> — outbound events to n8n (post.published, post.failed, approval.requested, report.daily).</summary>
public sealed class EventOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Rizquna:Events";

    /// <summary>Receivers; every event goes to each URL. Empty: no events are sent.</summary>
    public List<string> Urls { get; set; } = [];

    /// <summary>Key for <c>X-Rizquna-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))</c>.</summary>
    public string? Secret { get; set; }

    /// <summary>Attempts per delivery before it is given up (marked dead).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Cap of the retry delay.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the dispatcher looks for due deliveries when idle.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
