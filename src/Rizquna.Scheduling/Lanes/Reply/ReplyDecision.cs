namespace Rizquna.Scheduling.Lanes.Reply;

/// <summary>What a reply policy decided for one inbox item.</summary>
public sealed record ReplyDecision
{
    private ReplyDecision(ReplyDecisionKind kind, string? text, string? reason, DateTimeOffset? notBefore)
    {
        Kind = kind;
        Text = text;
        Reason = reason;
        NotBefore = notBefore;
    }

    /// <summary>Reply, don't, or decide later.</summary>
    public ReplyDecisionKind Kind { get; }

    /// <summary>The reply text (for <see cref="ReplyDecisionKind.Reply"/>), within the platform's limit.</summary>
    public string? Text { get; }

    /// <summary>Why (the rule that matched, or why not).</summary>
    public string? Reason { get; }

    /// <summary>For <see cref="ReplyDecisionKind.Defer"/>: ask again no earlier than this.</summary>
    public DateTimeOffset? NotBefore { get; }

    /// <summary>Send <paramref name="text"/>.</summary>
    public static ReplyDecision Reply(string text, string? reason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return new(ReplyDecisionKind.Reply, text, reason, null);
    }

    /// <summary>Do not reply to this item, ever.</summary>
    public static ReplyDecision NoReply(string reason) => new(ReplyDecisionKind.NoReply, null, reason, null);

    /// <summary>Not now (quiet hours): the item stays new and is asked about again on a later tick.</summary>
    public static ReplyDecision Defer(string reason, DateTimeOffset? notBefore = null) => new(ReplyDecisionKind.Defer, null, reason, notBefore);
}

/// <summary>The kinds of reply decision.</summary>
public enum ReplyDecisionKind
{
    /// <summary>Send the reply (subject to approval).</summary>
    Reply,
    /// <summary>No reply.</summary>
    NoReply,
    /// <summary>Decide on a later tick.</summary>
    Defer,
}
