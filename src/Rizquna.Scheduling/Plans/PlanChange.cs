namespace Rizquna.Scheduling.Plans;

/// <summary>The result of generating or rolling back a plan.</summary>
/// <param name="Plan">The current plan afterwards.</param>
/// <param name="Created">Whether a new version was created (false: the settings gave the current plan again).</param>
/// <param name="Diff">What changed against the previous current version.</param>
public sealed record PlanChange(Plan Plan, bool Created, PlanDiff Diff);
