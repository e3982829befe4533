namespace Rizquna.SampleHost.Storage;

/// <summary>Ordered, append-only migrations of the host tables. Never edit a shipped step: add a new one.</summary>
internal static class HostSchema
{
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE host_idempotency (
            key TEXT PRIMARY KEY,
            request_hash TEXT NOT NULL,
            status INTEGER NOT NULL,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL);
        CREATE TABLE host_webhook_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL,
            received_at TEXT NOT NULL,
            outcome TEXT NOT NULL,
            detail TEXT,
            body_sha256 TEXT NOT NULL,
            body TEXT);
        CREATE INDEX ix_host_webhook_log_time ON host_webhook_log(received_at);
        CREATE TABLE host_webhook_seen (
            source TEXT NOT NULL,
            signature TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (source, signature));
        CREATE TABLE host_links (
            id TEXT PRIMARY KEY,
            target TEXT NOT NULL,
            queue_item_id TEXT,
            platform TEXT,
            account TEXT,
            created_at TEXT NOT NULL);
        CREATE TABLE host_clicks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            link_id TEXT NOT NULL REFERENCES host_links(id),
            clicked_at TEXT NOT NULL,
            ua_hash TEXT NOT NULL);
        CREATE INDEX ix_host_clicks_link ON host_clicks(link_id);
        CREATE TABLE host_outbox (
            event_id TEXT NOT NULL,
            url TEXT NOT NULL,
            type TEXT NOT NULL,
            created_at TEXT NOT NULL,
            payload TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            status TEXT NOT NULL,
            last_error TEXT,
            delivered_at TEXT,
            PRIMARY KEY (event_id, url));
        CREATE INDEX ix_host_outbox_due ON host_outbox(status, next_attempt_at);
        CREATE TABLE host_alerts (
            key TEXT PRIMARY KEY,
            last_sent_at TEXT NOT NULL)
        """,
        """
        CREATE TABLE host_dry_run (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            platform TEXT NOT NULL,
            account TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            request TEXT NOT NULL,
            created_at TEXT NOT NULL);
        CREATE INDEX ix_host_dry_run_time ON host_dry_run(created_at)
        """,
        // Idempotency keys moved into the autopost queue's own commit (autopost_idempotency); nothing reads this table.
        """
        DROP TABLE IF EXISTS host_idempotency
        """,
    ];
}
