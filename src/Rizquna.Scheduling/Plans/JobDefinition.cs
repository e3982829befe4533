using Rizquna.Scheduling.Engine;

namespace Rizquna.Scheduling.Plans;

/// <summary>One job of a plan: what runs (lane, account), when (trigger) and with which parameters.</summary>
public sealed record JobDefinition
{
    /// <summary>The unique name, e.g. <c>ops_post_003</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The lane that runs it.</summary>
    public required LaneKind Lane { get; init; }

    /// <summary>The account it serves; null for account-less jobs (the nightly report).</summary>
    public AccountRef? Account { get; init; }

    /// <summary>When it runs.</summary>
    public required TriggerSpec Trigger { get; init; }

    /// <summary>Free parameters handed to the lane (platform-side ids, credential reference…).</summary>
    // Shared empty default: the initializer runs even when the object initializer sets Parameters.
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Whether two definitions describe the same job (name, lane, account, trigger, parameters).</summary>
    public bool SameAs(JobDefinition other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Name != other.Name || Lane != other.Lane || Account != other.Account || Trigger != other.Trigger
            || Parameters.Count != other.Parameters.Count)
        {
            return false;
        }

        if (Parameters is AccountParameters mine && other.Parameters is AccountParameters theirs)
        {
            return mine.SameAs(theirs);
        }

        foreach (var (key, value) in Parameters)
        {
            if (!other.Parameters.TryGetValue(key, out var v) || v != value)
            {
                return false;
            }
        }

        return true;
    }
}
