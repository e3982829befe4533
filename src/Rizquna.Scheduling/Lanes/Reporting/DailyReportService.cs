using Microsoft.Extensions.Options;
using Rizquna.Scheduling.Approvals;
using Rizquna.Scheduling.Autopost;
using Rizquna.Scheduling.Lanes.Inbox;
using Rizquna.Scheduling.Lanes.Publishing;
using Rizquna.Scheduling.Policies;
using Rizquna.Scheduling.Runs;
using Rizquna.Scheduling.Storage;

namespace Rizquna.Scheduling.Lanes.Reporting;

/// <summary>
/// Builds the report of a local day from the stores (runs, lane B ledger, autopost results, inbox, account health,
/// approvals). Lane C sends it every night; the host's API can ask for any day.
/// </summary>
public sealed class DailyReportService
{
    private readonly IJobStore _jobs;
    private readonly IAccountHealthStore _health;
    private readonly IApprovalStore _approvals;
    private readonly IPostLedger _ledger;
    private readonly IInboxStore _inbox;
    private readonly IAutopostStore? _autopost;
    private readonly IOptionsMonitor<LanesOptions> _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the service; <paramref name="autopost"/> is optional (no autopost queue registered).</summary>
    public DailyReportService(
        IJobStore jobs,
        IAccountHealthStore health,
        IApprovalStore approvals,
        IPostLedger ledger,
        IInboxStore inbox,
        IOptionsMonitor<LanesOptions> options,
        TimeProvider time,
        IAutopostStore? autopost = null)
    {
        _jobs = jobs ?? throw new ArgumentNullException(nameof(jobs));
        _health = health ?? throw new ArgumentNullException(nameof(health));
        _approvals = approvals ?? throw new ArgumentNullException(nameof(approvals));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _inbox = inbox ?? throw new ArgumentNullException(nameof(inbox));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _autopost = autopost;
    }

    /// <summary>The report of local <paramref name="day"/> in <paramref name="zone"/>, up to now.</summary>
    public async Task<DailyReport> BuildAsync(DateOnly day, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var (from, to) = DayBounds(day, zone);
        var runs = new List<RunRecord>();
        long after = 0;
        while (true)
        {
            var page = await _jobs.QueryRunsAsync(new RunQuery { From = from, To = to, AfterId = after, Limit = 10_000 }, cancellationToken).ConfigureAwait(false);
            runs.AddRange(page.Items);
            if (page.NextAfter is not { } next)
            {
                break;
            }

            after = next;
        }

        var approvals = new List<ApprovalRecord>();
        approvals.AddRange(await _approvals.ListAsync(ApprovalStatus.Pending, 10_000, cancellationToken).ConfigureAwait(false));
        approvals.AddRange(await _approvals.ListAsync(ApprovalStatus.Expired, 10_000, cancellationToken).ConfigureAwait(false));

        var activity = new DailyActivity
        {
            Runs = runs,
            LanePosts = await _ledger.ListChangedAsync(from, to, cancellationToken).ConfigureAwait(false),
            AutopostOutcomes = _autopost is null ? [] : await _autopost.ListChannelOutcomesAsync(from, to, cancellationToken).ConfigureAwait(false),
            Inbox = await _inbox.GetStatsAsync(from, to, cancellationToken).ConfigureAwait(false),
            Health = await _health.ListAsync(cancellationToken).ConfigureAwait(false),
            Approvals = approvals,
        };
        return DailyReportBuilder.Build(activity, day, zone, from, to, _time.GetUtcNow(), _options.CurrentValue.TopErrors);
    }

    /// <summary>Local midnight to the next local midnight, as instants (23 or 25 hours on a DST change day).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) DayBounds(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return (LocalMidnight(day, zone), LocalMidnight(day.AddDays(1), zone));
    }

    private static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        // Midnight may not exist (a DST gap at 00:00): take the first valid minute after it.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
