namespace Rizquna.Scheduling.Policies;

/// <summary>Cooldown of a platform account after consecutive failures.</summary>
public sealed class CooldownOptions
{
    /// <summary>Consecutive failed runs of one account that trip the cooldown. Default 3.</summary>
    public int FailureThreshold { get; set; } = 3;

    /// <summary>
    /// Consecutive failed runs of one account that send a failure alert (<c>alert.failures</c>) while the account keeps
    /// running: the operators hear of a streak even when the cooldown trips later or not at all. Default 3; null turns it
    /// off. At or above <see cref="FailureThreshold"/> the cooldown's own alert (<c>alert.cooldown</c>) is the only one.
    /// </summary>
    public int? AlertAfterFailures { get; set; } = 3;

    /// <summary>The first cooldown. Default 30 min.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Each repeated trip (the probe failed) multiplies the cooldown by this. Default 2.</summary>
    public double Multiplier { get; set; } = 2;

    /// <summary>The longest cooldown. Default 4 h.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(4);
}
