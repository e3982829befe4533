namespace Rizquna.Scheduling.Autopost;

/// <summary>What an operator command (cancel, retry now) did.</summary>
/// <param name="Status">Done, not found, or not allowed in the item's current state.</param>
/// <param name="Item">The item after the command (null when not found).</param>
/// <param name="Reason">Why the command was not allowed.</param>
public sealed record AutopostCommandResult(AutopostCommandStatus Status, AutopostItem? Item, string? Reason = null);

/// <summary>The outcome of an operator command.</summary>
public enum AutopostCommandStatus
{
    /// <summary>The command was applied.</summary>
    Done,
    /// <summary>No item has that id.</summary>
    NotFound,
    /// <summary>The item's state does not allow it (e.g. cancelling a posted item).</summary>
    NotAllowed,
}
