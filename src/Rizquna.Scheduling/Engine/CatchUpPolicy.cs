namespace Rizquna.Scheduling.Engine;

/// <summary>What the engine does with occurrences missed while it was down.</summary>
public enum CatchUpPolicy
{
    /// <summary>Run the latest missed occurrence once if it is younger than the job's period; otherwise skip it and record the skip.</summary>
    RunOnceIfYoungerThanPeriod,
    /// <summary>Always run the latest missed occurrence once (older ones are skipped and recorded).</summary>
    RunOnce,
    /// <summary>Never run missed occurrences; record the skip.</summary>
    Skip,
}
