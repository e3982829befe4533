namespace Rizquna;

/// <summary>
/// An opaque position in an account's inbox, defined by the connector (a Telegram update offset, a timestamp and id…).
/// Persist it only after the items before it are stored: a crash then re-reads, never skips.
/// </summary>
/// <param name="Value">The connector's encoding of the position.</param>
public sealed record InboxCursor(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
