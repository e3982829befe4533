namespace Rizquna;

/// <summary>Something new in an account's inbox: a comment, a message, an order.</summary>
public sealed record InboxItem
{
    /// <summary>The account whose inbox it is.</summary>
    public required AccountRef Account { get; init; }

    /// <summary>The platform's unique id of the item (comment id, message id, order id). With the account, the dedup key.</summary>
    public required string Id { get; init; }

    /// <summary>What kind of item it is.</summary>
    public required InboxItemKind Kind { get; init; }

    /// <summary>The conversation, chat or post the item belongs to, when there is one.</summary>
    public string? ThreadId { get; init; }

    /// <summary>The author.</summary>
    public InboxParticipant? From { get; init; }

    /// <summary>The text, when the item has one.</summary>
    public string? Text { get; init; }

    /// <summary>When the platform says the item was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>True when the account itself wrote it (own replies, own messages): never replied to.</summary>
    public bool IsFromSelf { get; init; }

    /// <summary>Whether the platform allows a reply to this item (orders and expired messaging windows do not).</summary>
    public bool CanReply { get; init; } = true;

    /// <summary>The cursor to persist once this item (and every one before it) is stored.</summary>
    public InboxCursor? Cursor { get; init; }

    /// <summary>The platform's raw JSON for the item, kept for audit and later parsing.</summary>
    public string? RawJson { get; init; }

    /// <summary>Extra platform facts (e.g. <c>meta.platform=instagram</c>, <c>order.status</c>).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = Post.EmptyMetadata;
}
