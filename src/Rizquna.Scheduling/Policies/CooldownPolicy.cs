namespace Rizquna.Scheduling.Policies;

/// <summary>
/// When an account cools down and for how long: after <see cref="CooldownOptions.FailureThreshold"/> consecutive
/// failures, <see cref="CooldownOptions.Duration"/>, multiplied on each repeated trip up to the cap. Immutable.
/// </summary>
public sealed class CooldownPolicy
{
    private readonly CooldownOptions _options;

    /// <summary>Creates the policy from options.</summary>
    public CooldownPolicy(CooldownOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = new CooldownOptions
        {
            FailureThreshold = options.FailureThreshold,
            AlertAfterFailures = options.AlertAfterFailures,
            Duration = options.Duration,
            Multiplier = options.Multiplier,
            MaxDuration = options.MaxDuration,
        };
    }

    /// <summary>Consecutive failures that trip the cooldown.</summary>
    public int FailureThreshold => _options.FailureThreshold;

    /// <summary>Whether the failure streak trips a cooldown.</summary>
    public bool Trips(int consecutiveFailures) => consecutiveFailures >= _options.FailureThreshold;

    /// <summary>
    /// Whether this failure streak, which did not trip a cooldown, is the one to alert on
    /// (<see cref="CooldownOptions.AlertAfterFailures"/>): once per streak, at exactly that many failures.
    /// </summary>
    public bool AlertsAt(int consecutiveFailures) =>
        _options.AlertAfterFailures is { } alertAt && consecutiveFailures == alertAt && alertAt < _options.FailureThreshold;

    /// <summary>The cooldown of trip number <paramref name="trip"/> (1 for the first).</summary>
    public TimeSpan DurationFor(int trip)
    {
        var ticks = (double)_options.Duration.Ticks * Math.Pow(_options.Multiplier, Math.Max(0, trip - 1));
        return ticks >= _options.MaxDuration.Ticks ? _options.MaxDuration : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Whether an error of this kind counts toward the failure streak (content errors do not: they say nothing about the account).</summary>
    public static bool CountsAsAccountFailure(PlatformErrorKind kind) =>
        kind is not (PlatformErrorKind.InvalidContent or PlatformErrorKind.Permanent);

    /// <summary>Whether an error of this kind pauses the account until its credentials change.</summary>
    public static bool NeedsNewCredentials(PlatformErrorKind kind) =>
        kind is PlatformErrorKind.AuthExpired or PlatformErrorKind.ReauthorizationRequired;
}
