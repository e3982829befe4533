namespace Rizquna.Scheduling.Plans;

/// <summary>One version of the job plan. Versions are immutable; the highest is current.</summary>
public sealed record Plan
{
    /// <summary>1, 2, 3… in order of creation.</summary>
    public required int Version { get; init; }

    /// <summary>When this version was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who created it (<c>system</c>, an operator's name).</summary>
    public required string CreatedBy { get; init; }

    /// <summary>The IANA zone cron triggers are evaluated in.</summary>
    public required string TimeZoneId { get; init; }

    /// <summary>The jobs, ordered by name.</summary>
    public required IReadOnlyList<JobDefinition> Jobs { get; init; }

    /// <summary>A hash of the zone and jobs: equal plans have equal fingerprints.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>Why the version exists: <c>generated</c>, <c>rollback:K</c>.</summary>
    public string Origin { get; init; } = "generated";
}
