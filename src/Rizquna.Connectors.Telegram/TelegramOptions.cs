using System.ComponentModel.DataAnnotations;
using Rizquna.Http;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// Settings of the Telegram connector, bound from <c>Rizquna:Telegram</c>. The bot token comes from the
/// <see cref="ICredentialProvider"/> (the account's access token); <see cref="BotToken"/> is only a fallback.
/// </summary>
public sealed class TelegramOptions
{
    /// <summary>The configuration section conventionally bound to these options.</summary>
    public const string SectionName = "Rizquna:Telegram";

    /// <summary>The Bot API server. Default the public <c>https://api.telegram.org/</c>; a local Bot API server or a test fake may replace it.</summary>
    public Uri BaseAddress { get; set; } = new("https://api.telegram.org/");

    /// <summary>
    /// The chat posts go to when an account's <see cref="AccountRef.PlatformAccountId"/> is empty: <c>@channelusername</c> or a numeric id.
    /// </summary>
    public string? ChatId { get; set; }

    /// <summary>
    /// A bot token used when the credential provider has none for an account (or none is registered). Prefer the
    /// credential provider: it lets tokens rotate and keeps them out of configuration files.
    /// </summary>
    public string? BotToken { get; set; }

    /// <summary>Longest message text, in UTF-16 units after entity parsing. Default 4,096.</summary>
    [Range(1, 65_536)]
    public int MaxTextLength { get; set; } = 4_096;

    /// <summary>Longest media caption, in UTF-16 units after entity parsing. Default 1,024.</summary>
    [Range(1, 65_536)]
    public int MaxCaptionLength { get; set; } = 1_024;

    /// <summary>What to do when a post's text is longer than a caption allows. Default <see cref="TelegramCaptionOverflow.CaptionThenFullTextReply"/>.</summary>
    public TelegramCaptionOverflow CaptionOverflow { get; set; } = TelegramCaptionOverflow.CaptionThenFullTextReply;

    /// <summary>Length of the short caption used by <see cref="TelegramCaptionOverflow.CaptionThenFullTextReply"/> (cut on a word, with "…"). Default 200.</summary>
    [Range(0, 65_536)]
    public int ShortCaptionLength { get; set; } = 200;

    /// <summary>Largest local photo uploaded, in bytes. Default 10 MB (the Bot API limit).</summary>
    [Range(1, long.MaxValue)]
    public long MaxPhotoUploadBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Largest local video or other file uploaded, in bytes. Default 50 MB (a local Bot API server allows 2,000 MB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Send posts silently (no notification sound). Default false.</summary>
    public bool DisableNotification { get; set; }

    /// <summary>Client-side pacing so that a burst is queued instead of collecting 429s.</summary>
    public TelegramPacingOptions Pacing { get; set; } = new();

    /// <summary>How the inbox is read with <c>getUpdates</c>.</summary>
    public TelegramInboxOptions Inbox { get; set; } = new();

    /// <summary>Where reports and alerts go.</summary>
    public TelegramReporterOptions Reporter { get; set; } = new();

    /// <summary>
    /// The <c>secret_token</c> given to <c>setWebhook</c>; every webhook call must carry it in
    /// <c>X-Telegram-Bot-Api-Secret-Token</c>. 1–256 characters of <c>A-Z a-z 0-9 _ -</c>. Required to accept webhooks.
    /// </summary>
    public string? WebhookSecretToken { get; set; }

    /// <summary>Timeouts, retries of reads and the per-account circuit breaker.</summary>
    public ResilienceSettings Resilience { get; set; } = new();
}
