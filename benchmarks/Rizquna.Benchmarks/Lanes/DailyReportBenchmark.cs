using BenchmarkDotNet.Attributes;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Lanes.Inbox;
using Rizquna.Scheduling.Lanes.Publishing;
using Rizquna.Scheduling.Lanes.Reporting;
using Rizquna.Scheduling.Policies;
using Rizquna.Scheduling.Runs;

namespace Rizquna.Benchmarks.Lanes;

/// <summary>
/// The nightly report for 10,000 accounts' day: per account 1 post run, 48 reply runs (one in 25 failing, with three
/// distinct error messages), one published ledger entry and inbox numbers; every 100th account cooling down.
/// Measures <see cref="DailyReportBuilder.Build"/> plus the text (<see cref="DailyReportFormatter.Format"/>).
/// </summary>
[Config(typeof(LanesBenchmarkConfig))]
public class DailyReportBenchmark
{
    public const int Accounts = 10_000;

    private static readonly DateTimeOffset From = new(2026, 12, 2, 17, 0, 0, TimeSpan.Zero);
    private DailyActivity _activity = null!;
    private TimeZoneInfo _zone = null!;

    [GlobalSetup]
    public void Setup()
    {
        _zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        var runs = new List<RunRecord>(Accounts * 49);
        var posts = new List<PostLedgerEntry>(Accounts);
        var inbox = new List<InboxStats>(Accounts);
        var health = new List<AccountHealth>();
        string[] errors = ["Graph 500 after 30s", "Graph 500 after 31s", "(#368) The action attempted has been deemed abusive"];
        for (var a = 0; a < Accounts; a++)
        {
            var account = $"instagram/{a:D5}";
            runs.Add(Run($"ops_post_{a:D5}", LaneKind.Post, account, From.AddHours(1), RunOutcome.Succeeded, null));
            for (var r = 0; r < 48; r++)
            {
                var failed = (a + r) % 25 == 0;
                runs.Add(Run($"ops_reply_{a:D5}", LaneKind.Reply, account, From.AddMinutes(r * 30), failed ? RunOutcome.Failed : r % 3 == 0 ? RunOutcome.Succeeded : RunOutcome.Skipped, failed ? errors[(a + r) % 3] : null));
            }

            posts.Add(new PostLedgerEntry
            {
                Account = account,
                ItemId = "001-promo",
                IdempotencyKey = $"post:{account}:001-promo",
                State = PostLedgerState.Published,
                Occurrence = From.AddHours(1),
                StartedAt = From.AddHours(1),
                PlatformPostId = "1789" + a,
                Permalink = new Uri($"https://www.instagram.com/p/{a}"),
                PublishedAt = From.AddHours(1),
                UpdatedAt = From.AddHours(1),
            });
            inbox.Add(new InboxStats(account, 12, 1, 9, 0, 0));
            if (a % 100 == 0)
            {
                health.Add(new AccountHealth { Account = account, Status = AccountHealthStatus.CoolingDown, ConsecutiveFailures = 3, PausedUntil = From.AddHours(10) });
            }
        }

        _activity = new DailyActivity { Runs = runs, LanePosts = posts, Inbox = inbox, Health = health };
    }

    [Benchmark]
    public int BuildAndFormat()
    {
        var report = DailyReportBuilder.Build(_activity, new DateOnly(2026, 12, 3), _zone, From, From.AddDays(1), From.AddHours(14));
        return DailyReportFormatter.Format(report).Length;
    }

    private static RunRecord Run(string job, LaneKind lane, string account, DateTimeOffset at, RunOutcome outcome, string? error) => new()
    {
        JobName = job,
        Lane = lane,
        Account = account,
        PlanVersion = 1,
        ScheduledAt = at,
        StartedAt = at,
        Duration = TimeSpan.FromMilliseconds(120),
        Attempt = 1,
        Outcome = outcome,
        ErrorKind = error is null ? null : PlatformErrorKind.Transient,
        Message = error,
        CorrelationId = "c",
    };
}
