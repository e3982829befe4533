namespace Rizquna.Scheduling.Policies;

/// <summary>Whether an account's jobs run.</summary>
public enum AccountHealthStatus
{
    /// <summary>Runs normally.</summary>
    Healthy,
    /// <summary>Paused after consecutive failures until <see cref="AccountHealth.PausedUntil"/>; then one probe run decides.</summary>
    CoolingDown,
    /// <summary>Paused until its credentials change (auth expired, re-authorisation required).</summary>
    AwaitingCredentials,
}
