namespace Rizquna.Scheduling.Lanes.Folder;

/// <summary>One entry of an account's content folder: a readable item, or the reason it cannot be read.</summary>
/// <param name="Id">The file or folder name.</param>
/// <param name="Item">The item, when it was read.</param>
/// <param name="Error">What is wrong with it (naming the file and the field), when it was not.</param>
public sealed record ContentEntry(string Id, ContentItem? Item, string? Error);
