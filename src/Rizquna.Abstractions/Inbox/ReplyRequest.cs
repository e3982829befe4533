namespace Rizquna;

/// <summary>A reply to one inbox item.</summary>
public sealed record ReplyRequest
{
    /// <summary>Creates a reply request.</summary>
    /// <exception cref="ArgumentException">The text or the idempotency key is empty.</exception>
    public ReplyRequest(InboxItem inReplyTo, string text, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(inReplyTo);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("A reply needs a non-empty text.", nameof(text));
        }

        if (string.IsNullOrWhiteSpace(idempotencyKey))
        {
            throw new ArgumentException("A reply needs a non-empty idempotency key.", nameof(idempotencyKey));
        }

        InReplyTo = inReplyTo;
        Text = text;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>The item replied to; its account is the sender.</summary>
    public InboxItem InReplyTo { get; }

    /// <summary>The reply text, already rendered.</summary>
    public string Text { get; }

    /// <summary>Names this reply; the same key is never sent twice.</summary>
    public string IdempotencyKey { get; }
}
