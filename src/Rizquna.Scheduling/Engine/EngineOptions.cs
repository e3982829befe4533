namespace Rizquna.Scheduling.Engine;

/// <summary>How the engine claims and runs jobs.</summary>
public sealed class EngineOptions
{
    /// <summary>Runs in flight at once, overall. Default 16.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>Runs in flight at once per platform. Default 8.</summary>
    public int MaxConcurrencyPerPlatform { get; set; } = 8;

    /// <summary>Runs in flight at once per platform account. Default 1.</summary>
    public int MaxConcurrencyPerAccount { get; set; } = 1;

    /// <summary>How long a claim holds before another worker may take the job again. Default 5 min.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Jobs claimed per store round trip. Default 256.</summary>
    public int ClaimBatchSize { get; set; } = 256;

    /// <summary>On shutdown, how long running work may finish before it is cancelled and its leases released. Default 30 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What to do with occurrences missed while the engine was down. Default <see cref="CatchUpPolicy.RunOnceIfYoungerThanPeriod"/>.</summary>
    public CatchUpPolicy CatchUp { get; set; } = CatchUpPolicy.RunOnceIfYoungerThanPeriod;

    /// <summary>The longest the engine sleeps without looking at the store (other workers may change it). Default 1 min.</summary>
    public TimeSpan MaxIdle { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>This worker's name in leases; default machine name and process id.</summary>
    public string? WorkerId { get; set; }

    /// <summary>Whether the generated plan is (re)applied when the engine starts. Default true.</summary>
    public bool GeneratePlanOnStart { get; set; } = true;
}
