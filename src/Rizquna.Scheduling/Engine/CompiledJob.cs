using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Triggers;

namespace Rizquna.Scheduling.Engine;

/// <summary>A plan job ready to run: its trigger compiled, its handler and concurrency slots resolved once per plan load.</summary>
internal sealed class CompiledJob
{
    public CompiledJob(JobDefinition definition, ITrigger trigger, ILaneHandler? handler, string? account, SemaphoreSlim? platformSlots, SemaphoreSlim? accountSlots)
    {
        Definition = definition;
        Trigger = trigger;
        Handler = handler;
        Account = account;
        PlatformSlots = platformSlots;
        AccountSlots = accountSlots;
    }

    public JobDefinition Definition { get; }

    public ITrigger Trigger { get; }

    public ILaneHandler? Handler { get; }

    /// <summary><c>platform/key</c>, or null for account-less jobs.</summary>
    public string? Account { get; }

    public SemaphoreSlim? PlatformSlots { get; }

    public SemaphoreSlim? AccountSlots { get; }
}
