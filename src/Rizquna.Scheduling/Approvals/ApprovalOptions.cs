namespace Rizquna.Scheduling.Approvals;

/// <summary>The approval policy: which actions are sensitive, and how long a request waits for an operator.</summary>
public sealed class ApprovalOptions
{
    /// <summary>Whether approvals are enforced at all. Default true (with the rules below).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a pending approval waits before it expires (and the action never runs). Default 24 h.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The first publish to an account (fact <c>first_publish=true</c>) needs approval. Default false.</summary>
    public bool FirstPublish { get; set; }

    /// <summary>Text containing any of these words (case-insensitive) needs approval.</summary>
    public string[]? Keywords { get; set; }

    /// <summary>A reply that quotes a price (e.g. <c>Rp 150.000</c>, <c>$20</c>, <c>IDR 20k</c>) needs approval. Default false.</summary>
    public bool RepliesQuotingPrice { get; set; }

    /// <summary>Action types that always need approval. Null means <c>delete</c>.</summary>
    public string[]? AlwaysSensitiveActions { get; set; }
}
