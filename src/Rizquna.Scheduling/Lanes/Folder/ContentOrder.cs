namespace Rizquna.Scheduling.Lanes.Folder;

/// <summary>The order in which a folder's items are published.</summary>
public enum ContentOrder
{
    /// <summary>By file or folder name (ordinal): name items <c>001-…</c>, <c>002-…</c> or <c>2026-12-03-…</c>.</summary>
    Name,
    /// <summary>By the manifest's <c>date</c> (items without one come after, by name); an item is not taken before its date.</summary>
    ManifestDate,
}
