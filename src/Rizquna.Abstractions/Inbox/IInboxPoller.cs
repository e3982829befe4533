namespace Rizquna;

/// <summary>Reads what is new in an account's inbox after a cursor.</summary>
public interface IInboxPoller
{
    /// <summary>The platform this poller serves.</summary>
    PlatformId Platform { get; }

    /// <summary>
    /// Streams the items after <paramref name="after"/> (null = from the connector's starting point), oldest first.
    /// Each item carries the cursor to persist once it is stored.
    /// </summary>
    IAsyncEnumerable<InboxItem> PollAsync(AccountRef account, InboxCursor? after, CancellationToken cancellationToken = default);
}
