using System.ComponentModel.DataAnnotations;

namespace Rizquna.Http;

/// <summary>
/// How a connector's HTTP calls are protected. Bound from <c>Rizquna:&lt;Platform&gt;:Resilience</c>.
/// Order mirrors the standard handler: total timeout, retry, circuit breaker, attempt timeout.
/// </summary>
public sealed class ResilienceSettings
{
    /// <summary>Longest time one attempt may take. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest time a call may take across all its attempts. Default 2 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "02:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries of a retryable request (reads and idempotent calls only). Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First retry delay; later ones grow exponentially with jitter. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A <c>Retry-After</c> up to this long is waited out in-process; a longer one is handed back to the caller (and from
    /// there to the scheduler as "rate limited"). Default 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxInProcessRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failed calls, within <see cref="CircuitSamplingDuration"/>, that opens an account's circuit. Default 0.5.</summary>
    [Range(0.01, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the circuit may open. Default 10.</summary>
    [Range(2, 10_000)]
    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>The sampling window of the circuit breaker. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit rejects calls before one probe. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
