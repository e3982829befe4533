namespace Rizquna.Scheduling.Storage;

/// <summary>One page of a query.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items, in id order.</param>
/// <param name="NextAfter">Pass as the next query's <c>AfterId</c>; null when this was the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, long? NextAfter);
