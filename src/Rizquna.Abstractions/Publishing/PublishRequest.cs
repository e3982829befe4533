namespace Rizquna;

/// <summary>
/// One post to one account. The idempotency key names this intent for its whole life: it is persisted before the call
/// and used to reconcile an unknown outcome, so a retry never posts twice.
/// </summary>
public sealed record PublishRequest
{
    /// <summary>Creates a request.</summary>
    /// <exception cref="ArgumentException">The idempotency key is empty.</exception>
    public PublishRequest(AccountRef account, Post post, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(post);
        if (string.IsNullOrWhiteSpace(idempotencyKey))
        {
            throw new ArgumentException("A publish request needs a non-empty idempotency key.", nameof(idempotencyKey));
        }

        Account = account;
        Post = post;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>The target account.</summary>
    public AccountRef Account { get; }

    /// <summary>What to publish.</summary>
    public Post Post { get; }

    /// <summary>Names this publish intent; the same key is never published twice.</summary>
    public string IdempotencyKey { get; }
}
