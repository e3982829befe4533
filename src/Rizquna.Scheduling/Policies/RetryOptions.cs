namespace Rizquna.Scheduling.Policies;

/// <summary>Retry delays for failed runs.</summary>
public sealed class RetryOptions
{
    /// <summary>
    /// The delay before each retry; the count is the number of retries. Null or empty means the default 1, 5, 15 min.
    /// (An array, not a list, so binding from configuration replaces rather than appends.)
    /// </summary>
    public TimeSpan[]? Delays { get; set; }
}
