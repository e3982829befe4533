namespace Rizquna.Scheduling.Autopost.Storage;

/// <summary>The autopost tables. Times are Unix milliseconds (UTC); <c>due_at</c> is null once an item needs no worker.</summary>
internal static class SqliteAutopostSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS autopost_items(
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            summary TEXT,
            link TEXT,
            image_url TEXT,
            data TEXT,
            template TEXT,
            variant TEXT,
            dedup_key TEXT,
            publish_at INTEGER NOT NULL,
            status TEXT NOT NULL,
            due_at INTEGER,
            claim_token INTEGER,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_autopost_items_due ON autopost_items(due_at) WHERE due_at IS NOT NULL;
        CREATE TABLE IF NOT EXISTS autopost_channels(
            item_seq INTEGER NOT NULL REFERENCES autopost_items(seq),
            ordinal INTEGER NOT NULL,
            channel TEXT NOT NULL,
            dedup_key TEXT,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            next_attempt_at INTEGER,
            attempt_started_at INTEGER,
            approval_id TEXT,
            post_id TEXT,
            url TEXT,
            posted_at INTEGER,
            error TEXT,
            skipped_because_of INTEGER,
            outcome_at INTEGER,
            PRIMARY KEY(item_seq, ordinal)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_autopost_channels_dedup ON autopost_channels(channel, dedup_key, posted_at) WHERE posted_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_autopost_channels_outcome ON autopost_channels(outcome_at) WHERE outcome_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_autopost_channels_channel ON autopost_channels(channel, item_seq);
        CREATE TABLE IF NOT EXISTS autopost_idempotency(
            key TEXT PRIMARY KEY,
            request_hash TEXT NOT NULL,
            item_seq INTEGER NOT NULL REFERENCES autopost_items(seq),
            created_at INTEGER NOT NULL) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_autopost_idempotency_created ON autopost_idempotency(created_at);
        """;

    public const string ItemColumns = "seq, title, summary, link, image_url, data, template, variant, dedup_key, publish_at, status, created_at, updated_at";

    public const string ChannelColumns = "channel, status, attempts, next_attempt_at, attempt_started_at, approval_id, post_id, url, posted_at, error, skipped_because_of";

    public static string ToText(AutopostStatus status) => status switch
    {
        AutopostStatus.Ready => "ready",
        AutopostStatus.Posting => "posting",
        AutopostStatus.Posted => "posted",
        AutopostStatus.Failed => "failed",
        AutopostStatus.Skipped => "skipped",
        AutopostStatus.PendingApproval => "pending_approval",
        AutopostStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static AutopostStatus ItemStatus(string text) => text switch
    {
        "ready" => AutopostStatus.Ready,
        "posting" => AutopostStatus.Posting,
        "posted" => AutopostStatus.Posted,
        "failed" => AutopostStatus.Failed,
        "skipped" => AutopostStatus.Skipped,
        "pending_approval" => AutopostStatus.PendingApproval,
        "cancelled" => AutopostStatus.Cancelled,
        _ => throw new InvalidDataException($"Unknown autopost status '{text}' in the database."),
    };

    public static string ToText(AutopostChannelStatus status) => status switch
    {
        AutopostChannelStatus.Pending => "pending",
        AutopostChannelStatus.Posted => "posted",
        AutopostChannelStatus.Failed => "failed",
        AutopostChannelStatus.Skipped => "skipped",
        AutopostChannelStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static AutopostChannelStatus ChannelStatus(string text) => text switch
    {
        "pending" => AutopostChannelStatus.Pending,
        "posted" => AutopostChannelStatus.Posted,
        "failed" => AutopostChannelStatus.Failed,
        "skipped" => AutopostChannelStatus.Skipped,
        "cancelled" => AutopostChannelStatus.Cancelled,
        _ => throw new InvalidDataException($"Unknown autopost channel status '{text}' in the database."),
    };
}
