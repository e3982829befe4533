using Rizquna.Scheduling.Approvals;
using Rizquna.Scheduling.Autopost;
using Rizquna.Scheduling.Lanes.Inbox;
using Rizquna.Scheduling.Lanes.Publishing;
using Rizquna.Scheduling.Policies;
using Rizquna.Scheduling.Runs;

namespace Rizquna.Scheduling.Lanes.Reporting;

/// <summary>Everything the report is made from, read from the stores for one period.</summary>
public sealed record DailyActivity
{
    /// <summary>Runs recorded in the period.</summary>
    public IReadOnlyList<RunRecord> Runs { get; init; } = [];

    /// <summary>Lane B ledger entries that changed in the period.</summary>
    public IReadOnlyList<PostLedgerEntry> LanePosts { get; init; } = [];

    /// <summary>Autopost channel outcomes in the period.</summary>
    public IReadOnlyList<AutopostChannelRecord> AutopostOutcomes { get; init; } = [];

    /// <summary>Inbox numbers per account.</summary>
    public IReadOnlyList<InboxStats> Inbox { get; init; } = [];

    /// <summary>Accounts with a failure streak, cooldown or pause.</summary>
    public IReadOnlyList<AccountHealth> Health { get; init; } = [];

    /// <summary>Pending approvals, and approvals decided in the period.</summary>
    public IReadOnlyList<ApprovalRecord> Approvals { get; init; } = [];
}
