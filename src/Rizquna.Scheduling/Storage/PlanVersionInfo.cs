namespace Rizquna.Scheduling.Storage;

/// <summary>A plan version without its jobs.</summary>
/// <param name="Version">The version.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="Origin"><c>generated</c> or <c>rollback:K</c>.</param>
/// <param name="JobCount">How many jobs it has.</param>
/// <param name="Fingerprint">Its fingerprint.</param>
public sealed record PlanVersionInfo(int Version, DateTimeOffset CreatedAt, string CreatedBy, string Origin, int JobCount, string Fingerprint);
