namespace Rizquna.Scheduling.Policies;

/// <summary>
/// Decides whether and when a failed attempt is tried again: the configured delays (default 1, 5, 15 min — three
/// retries), a longer platform retry-after wins, never for invalid content, permanent, forbidden or auth errors, and
/// an unknown outcome is retried only after reconciling. Immutable and thread-safe: the engine uses it per job, the
/// autopost worker per channel.
/// </summary>
public sealed class RetryPolicy
{
    private static readonly TimeSpan[] DefaultDelays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)];

    private readonly TimeSpan[] _delays;

    /// <summary>Creates a policy with the given delays (null or empty: 1, 5, 15 min).</summary>
    /// <exception cref="ArgumentException">A delay is negative.</exception>
    public RetryPolicy(IReadOnlyList<TimeSpan>? delays = null)
    {
        if (delays is null || delays.Count == 0)
        {
            _delays = DefaultDelays;
            return;
        }

        _delays = new TimeSpan[delays.Count];
        for (var i = 0; i < delays.Count; i++)
        {
            if (delays[i] < TimeSpan.Zero)
            {
                throw new ArgumentException($"Retry delay #{i + 1} must not be negative.", nameof(delays));
            }

            _delays[i] = delays[i];
        }
    }

    /// <summary>Creates a policy from options.</summary>
    public RetryPolicy(RetryOptions options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Delays)
    {
    }

    /// <summary>The default policy: 1, 5, 15 min.</summary>
    public static RetryPolicy Default { get; } = new((IReadOnlyList<TimeSpan>?)null);

    /// <summary>The delays, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays => _delays;

    /// <summary>How many retries follow the first attempt.</summary>
    public int MaxRetries => _delays.Length;

    /// <summary>Whether an error of this kind may be tried again at all.</summary>
    public static bool IsRetryable(PlatformErrorKind kind) =>
        kind is PlatformErrorKind.Transient or PlatformErrorKind.RateLimited or PlatformErrorKind.OutcomeUnknown;

    /// <summary>Decides after attempt <paramref name="failedAttempt"/> (1-based) failed with an error of <paramref name="kind"/>.</summary>
    /// <param name="failedAttempt">The attempt that failed: 1 for the first try.</param>
    /// <param name="kind">The error kind.</param>
    /// <param name="retryAfter">The platform's retry-after, when it gave one: a longer one wins over the configured delay.</param>
    public RetryDecision Decide(int failedAttempt, PlatformErrorKind kind, TimeSpan? retryAfter = null)
    {
        if (!IsRetryable(kind))
        {
            return RetryDecision.GiveUp($"{kind} errors are not retried");
        }

        if (failedAttempt < 1 || failedAttempt > _delays.Length)
        {
            return RetryDecision.GiveUp($"no retries left after attempt {failedAttempt}");
        }

        var delay = _delays[failedAttempt - 1];
        if (retryAfter is { } after && after > delay)
        {
            delay = after;
        }

        return new RetryDecision(true, delay, kind == PlatformErrorKind.OutcomeUnknown);
    }

    /// <summary>
    /// Decides for any exception: a <see cref="PlatformException"/> by its kind and retry-after; anything else is
    /// treated as transient.
    /// </summary>
    public RetryDecision Decide(int failedAttempt, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error is PlatformException pe
            ? Decide(failedAttempt, pe.Kind, pe.RetryAfter)
            : Decide(failedAttempt, PlatformErrorKind.Transient);
    }
}
