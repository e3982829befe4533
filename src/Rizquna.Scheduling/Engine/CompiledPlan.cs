using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Triggers;

namespace Rizquna.Scheduling.Engine;

/// <summary>The current plan as the engine runs it: jobs by name, with compiled triggers, handlers and slots.</summary>
internal sealed class CompiledPlan
{
    private CompiledPlan(Plan plan, TimeZoneInfo zone, Dictionary<string, CompiledJob> jobs)
    {
        Plan = plan;
        Zone = zone;
        Jobs = jobs;
    }

    public Plan Plan { get; }

    public int Version => Plan.Version;

    public TimeZoneInfo Zone { get; }

    public Dictionary<string, CompiledJob> Jobs { get; }

    public static CompiledPlan Compile(Plan plan, IEnumerable<ILaneHandler> handlers, Func<string, SemaphoreSlim> platformSlotsFor, Func<string, SemaphoreSlim> accountSlotsFor)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(plan.TimeZoneId);
        var byLane = new Dictionary<LaneKind, ILaneHandler>();
        foreach (var handler in handlers)
        {
            byLane.TryAdd(handler.Lane, handler);
        }

        var triggers = new Dictionary<TriggerSpec, ITrigger>();
        var crons = new Dictionary<string, ICronSchedule>(StringComparer.Ordinal);
        var jobs = new Dictionary<string, CompiledJob>(plan.Jobs.Count, StringComparer.Ordinal);
        foreach (var job in plan.Jobs)
        {
            if (!triggers.TryGetValue(job.Trigger, out var trigger))
            {
                trigger = TriggerFactory.Create(job.Trigger, zone, crons);
                triggers[job.Trigger] = trigger;
            }

            string? account = null;
            SemaphoreSlim? platformSlots = null, accountSlots = null;
            if (job.Account is { } a)
            {
                account = a.ToString();
                platformSlots = platformSlotsFor(a.Platform.Value);
                accountSlots = accountSlotsFor(account);
            }

            jobs[job.Name] = new CompiledJob(job, trigger, byLane.GetValueOrDefault(job.Lane), account, platformSlots, accountSlots);
        }

        return new CompiledPlan(plan, zone, jobs);
    }
}
