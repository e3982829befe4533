namespace Rizquna.Scheduling.Storage;

/// <summary>A job of the current plan, as handed to <see cref="IJobStore.SyncAsync"/>. A struct: a plan of 30,000 jobs is one array, not 30,000 objects.</summary>
/// <param name="Name">The job's name.</param>
/// <param name="Account">Its account (<c>platform/key</c>), when any.</param>
/// <param name="FirstDueAt">Its first occurrence from now, used only if the job is new or its trigger changed.</param>
/// <param name="TriggerChanged">The trigger differs from the version the job's state was computed from: take <paramref name="FirstDueAt"/>.</param>
public readonly record struct JobSeed(string Name, string? Account, DateTimeOffset? FirstDueAt, bool TriggerChanged);
