namespace Rizquna.Scheduling.Triggers;

/// <summary>A compiled job trigger: computes occurrences.</summary>
internal interface ITrigger
{
    /// <summary>The first occurrence strictly after <paramref name="instant"/>, or null when there is none.</summary>
    DateTimeOffset? NextAfter(DateTimeOffset instant);
}
