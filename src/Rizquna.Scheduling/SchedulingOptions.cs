using Rizquna.Scheduling.Approvals;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Policies;
using Rizquna.Scheduling.Storage;

namespace Rizquna.Scheduling;

/// <summary>
/// Everything the kernel is configured with (configuration section <c>Rizquna:Scheduling</c> by convention): the plan
/// (providers, prefix, accounts, lanes, zone) and the engine's controls (concurrency, retry, cooldown, approvals, storage).
/// Validated at start by <see cref="Hosting.SchedulingOptionsValidator"/> with messages that name the setting.
/// </summary>
public sealed class SchedulingOptions
{
    /// <summary>The configuration section name used by hosts by convention.</summary>
    public const string SectionName = "Rizquna:Scheduling";

    /// <summary>Job-name prefix: jobs are named <c>&lt;prefix&gt;_reply_&lt;account&gt;</c> etc. Default <c>ops</c>.</summary>
    public string JobPrefix { get; set; } = "ops";

    /// <summary>IANA time zone the plan's cron triggers are evaluated in. Default <c>Asia/Jakarta</c>.</summary>
    public string TimeZone { get; set; } = "Asia/Jakarta";

    /// <summary>The providers (platforms) and their accounts. Each provider may override the prefix.</summary>
    public List<ProviderSettings> Providers { get; set; } = [];

    /// <summary>The daily lanes' triggers.</summary>
    public LaneSettings Lanes { get; set; } = new();

    /// <summary>Engine controls: concurrency, leases, catch-up, shutdown.</summary>
    public EngineOptions Engine { get; set; } = new();

    /// <summary>Retry delays for failed runs.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>Cooldown after consecutive failures of an account.</summary>
    public CooldownOptions Cooldown { get; set; } = new();

    /// <summary>Which actions need an operator's approval, and for how long a request waits.</summary>
    public ApprovalOptions Approvals { get; set; } = new();

    /// <summary>Where plans, runs, audit events, approvals and cursors are kept.</summary>
    public StorageOptions Storage { get; set; } = new();
}
