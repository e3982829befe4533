using System.ComponentModel.DataAnnotations;

namespace Rizquna.Scheduling.Autopost;

/// <summary>Settings of the autopost queue and its worker (configuration section <c>Rizquna:Autopost</c> by convention).</summary>
public sealed class AutopostOptions
{
    /// <summary>
    /// The channels items may name, <c>platform/account</c> → the platform-side account id
    /// (e.g. <c>"facebook/001": "1234567890"</c> for a Page id).
    /// </summary>
    public Dictionary<string, string> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Channels used when a request names none.</summary>
    public List<string> DefaultChannels { get; set; } = [];

    /// <summary><c>utm_campaign</c> of every link (source = platform, medium = social, content = item id).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Campaign { get; set; } = "autopost";

    /// <summary>Whether links are shortened through the registered URL shortener after UTM tagging.</summary>
    public bool ShortenLinks { get; set; }

    /// <summary>The caption template per platform (<c>facebook</c> → template name); falls back to <see cref="DefaultTemplate"/>.</summary>
    public Dictionary<string, string> Templates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The caption template used when neither the item nor <see cref="Templates"/> names one; null renders title, summary and link.</summary>
    public string? DefaultTemplate { get; set; }

    /// <summary>An item whose dedup key was posted to the same channel within this window is skipped (default 60 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan DedupWindow { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>How many items one worker tick claims (default 20).</summary>
    [Range(1, 500)]
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claim lasts before another worker may take the item over (default 5 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How hard the SQLite store waits for the disk at each commit (default <see cref="AutopostSqliteSynchronous.Full"/>).</summary>
    public AutopostSqliteSynchronous SqliteSynchronous { get; set; } = AutopostSqliteSynchronous.Full;

    /// <summary>Whether the host runs the worker in the background (<see cref="Worker.AutopostWorkerService"/>). Default true.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How long the background worker waits after a batch that was not full (default 10 seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an <c>Idempotency-Key</c> is remembered after the item it queued was created (default 7 days). The
    /// background worker deletes older keys once an hour; a request repeating an older key is then queued as new. Keep it
    /// longer than any client retries: n8n's retries come within minutes, a manual re-run within days.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan IdempotencyKeyRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often a channel waiting for approval is checked again (default 1 minute).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ApprovalRecheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
