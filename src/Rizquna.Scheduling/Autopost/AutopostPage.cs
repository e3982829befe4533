namespace Rizquna.Scheduling.Autopost;

/// <summary>One page of queue items.</summary>
/// <param name="Items">The items, newest first.</param>
/// <param name="NextCursor">Pass as <see cref="AutopostQuery.Cursor"/> for the next page; null on the last page.</param>
public sealed record AutopostPage(IReadOnlyList<AutopostItem> Items, string? NextCursor);
