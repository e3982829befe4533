namespace Rizquna.Scheduling.Policies;

/// <summary>Cooldown of a platform account after consecutive failures.</summary>
public sealed class CooldownOptions
{
    /// <summary>Consecutive failed runs of one account that trip the cooldown. Default 3.</summary>
    public int FailureThreshold { get; set; } = 3;

    /// <summary>The first cooldown. Default 30 min.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Each repeated trip (the probe failed) multiplies the cooldown by this. Default 2.</summary>
    public double Multiplier { get; set; } = 2;

    /// <summary>The longest cooldown. Default 4 h.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(4);
}
