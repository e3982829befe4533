namespace Rizquna.Scheduling.Policies;

/// <summary>One platform account's failure streak and pause.</summary>
public sealed record AccountHealth
{
    /// <summary>The account as <c>platform/key</c>.</summary>
    public required string Account { get; init; }

    /// <summary>Where it stands.</summary>
    public AccountHealthStatus Status { get; init; } = AccountHealthStatus.Healthy;

    /// <summary>Failed runs in a row.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>How many times the cooldown tripped in a row (the cooldown doubles each time).</summary>
    public int Trips { get; init; }

    /// <summary>Until when its jobs wait (cooldown); the first run after is the probe.</summary>
    public DateTimeOffset? PausedUntil { get; init; }

    /// <summary>The credential fingerprint when paused for authorisation: the pause ends when it changes.</summary>
    public string? CredentialFingerprint { get; init; }

    /// <summary>The last error's message.</summary>
    public string? LastError { get; init; }

    /// <summary>When this state began.</summary>
    public DateTimeOffset? Since { get; init; }
}
