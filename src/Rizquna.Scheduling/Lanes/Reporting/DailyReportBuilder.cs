using System.Globalization;
using System.Text;
using Rizquna.Scheduling.Approvals;
using Rizquna.Scheduling.Autopost;
using Rizquna.Scheduling.Lanes.Publishing;
using Rizquna.Scheduling.Policies;
using Rizquna.Scheduling.Runs;

namespace Rizquna.Scheduling.Lanes.Reporting;

/// <summary>Turns one period's activity into a <see cref="DailyReport"/>: a pure function, one pass over each input.</summary>
public static class DailyReportBuilder
{
    private const int MaxErrorKeyLength = 160;

    /// <summary>Builds the report for local <paramref name="day"/> in <paramref name="zone"/> over [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static DailyReport Build(DailyActivity activity, DateOnly day, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to, DateTimeOffset generatedAt, int topErrors = 5)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(zone);
        var accounts = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        var errors = new Dictionary<string, ErrorAccumulator>(StringComparer.Ordinal);
        Accumulator For(string account)
        {
            if (!accounts.TryGetValue(account, out var acc))
            {
                accounts[account] = acc = new Accumulator();
            }

            return acc;
        }

        var runs = activity.Runs;
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var acc = For(run.Account ?? "(no account)");
            switch (run.Outcome)
            {
                case RunOutcome.Succeeded:
                    acc.Succeeded++;
                    break;
                case RunOutcome.Failed:
                    acc.Failed++;
                    AddError(errors, run.ErrorKind?.ToString() ?? "Error", run.Message, run.Account ?? run.JobName);
                    break;
                case RunOutcome.Skipped:
                case RunOutcome.Missed:
                    acc.Skipped++;
                    break;
            }

            if (run.Attempt > 1)
            {
                acc.Retried++;
            }
        }

        foreach (var post in activity.LanePosts)
        {
            if (post is { State: PostLedgerState.Published, PlatformPostId: { } id })
            {
                For(post.Account).Posts.Add(new ReportPost("lane", post.ItemId, id, post.Permalink, post.PublishedAt ?? post.UpdatedAt));
            }
            else if (post.State is PostLedgerState.Failed or PostLedgerState.Unknown)
            {
                AddError(errors, "Content", post.Error, post.Account);
            }
        }

        foreach (var outcome in activity.AutopostOutcomes)
        {
            var result = outcome.Result;
            if (result is { Status: AutopostChannelStatus.Posted, PlatformPostId: { } id })
            {
                For(result.Channel).Posts.Add(new ReportPost("autopost", $"#{outcome.ItemId} {outcome.Title}", id, result.Url, outcome.At));
            }
            else if (result.Status == AutopostChannelStatus.Failed)
            {
                AddError(errors, "Autopost", result.Error, result.Channel);
            }
        }

        foreach (var inbox in activity.Inbox)
        {
            var acc = For(inbox.Account);
            acc.Received += inbox.Received;
            acc.Replied += inbox.Replied;
            acc.Orders += inbox.Orders;
        }

        foreach (var health in activity.Health)
        {
            if (Cooldown(health, from, to, zone) is { } text)
            {
                For(health.Account).Cooldown = text;
            }
        }

        foreach (var approval in activity.Approvals)
        {
            if (approval.Status == ApprovalStatus.Pending)
            {
                For(approval.Account ?? "(no account)").Pending++;
            }
            else if (approval.Status == ApprovalStatus.Expired && approval.DecidedAt is { } at && at >= from && at < to)
            {
                For(approval.Account ?? "(no account)").Expired++;
            }
        }

        var list = new List<AccountDayReport>(accounts.Count);
        var total = new Accumulator();
        foreach (var (name, acc) in accounts)
        {
            list.Add(acc.ToReport(name));
            total.Add(acc);
        }

        list.Sort(static (a, b) => string.CompareOrdinal(a.Account, b.Account));
        var top = errors.Values.ToList();
        top.Sort(static (a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Key, b.Key));
        if (top.Count > topErrors)
        {
            top.RemoveRange(topErrors, top.Count - topErrors);
        }

        return new DailyReport
        {
            Day = day,
            TimeZone = zone.Id,
            From = from,
            To = to,
            GeneratedAt = generatedAt,
            Accounts = list,
            Totals = total.ToReport("total", listPosts: false),
            TopErrors = top.ConvertAll(static e => new ReportError(e.Key, e.Count, e.Example, e.Account)),
        };
    }

    private static string? Cooldown(AccountHealth health, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone) => health.Status switch
    {
        AccountHealthStatus.CoolingDown when health.PausedUntil is { } until =>
            $"cooling down until {TimeZoneInfo.ConvertTime(until, zone):yyyy-MM-dd HH:mm} ({health.ConsecutiveFailures} failures in a row)",
        AccountHealthStatus.AwaitingCredentials => "paused until its credentials are renewed",
        // A cooldown that ended during the day is still worth a line.
        AccountHealthStatus.Healthy when health.PausedUntil is { } until && until >= from && until < to =>
            $"cooled down until {TimeZoneInfo.ConvertTime(until, zone):HH:mm}",
        _ => null,
    };

    private static void AddError(Dictionary<string, ErrorAccumulator> errors, string kind, string? message, string? account)
    {
        var text = string.IsNullOrWhiteSpace(message) ? "(no message)" : message.Trim();
        var key = ErrorKey(kind, text);
        if (errors.TryGetValue(key, out var acc))
        {
            acc.Count++;
        }
        else
        {
            errors[key] = new ErrorAccumulator(key, text, account);
        }
    }

    /// <summary>Kind plus the message with digit runs masked, so "after 30s" and "after 31s" are one error.</summary>
    internal static string ErrorKey(string kind, string message)
    {
        var builder = new StringBuilder(kind.Length + 2 + Math.Min(message.Length, MaxErrorKeyLength));
        builder.Append(kind).Append(": ");
        var digits = false;
        foreach (var c in message)
        {
            if (builder.Length >= MaxErrorKeyLength)
            {
                break;
            }

            if (char.IsAsciiDigit(c))
            {
                if (!digits)
                {
                    builder.Append('#');
                }

                digits = true;
                continue;
            }

            digits = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    private sealed class ErrorAccumulator(string key, string example, string? account)
    {
        public string Key { get; } = key;

        public string Example { get; } = example;

        public string? Account { get; } = account;

        public int Count { get; set; } = 1;
    }

    private sealed class Accumulator
    {
        public int Succeeded;
        public int Failed;
        public int Skipped;
        public int Retried;
        public int Received;
        public int Replied;
        public int Orders;
        public int Pending;
        public int Expired;
        public int PostCount;
        public string? Cooldown;
        public int CooldownAccounts;
        private List<ReportPost>? _posts;

        public List<ReportPost> Posts => _posts ??= [];

        public void Add(Accumulator other)
        {
            Succeeded += other.Succeeded;
            Failed += other.Failed;
            Skipped += other.Skipped;
            Retried += other.Retried;
            Received += other.Received;
            Replied += other.Replied;
            Orders += other.Orders;
            Pending += other.Pending;
            Expired += other.Expired;
            PostCount += other._posts?.Count ?? 0;
            CooldownAccounts += other.Cooldown is null ? 0 : 1;
        }

        public AccountDayReport ToReport(string name, bool listPosts = true)
        {
            IReadOnlyList<ReportPost> posts = listPosts && _posts is not null ? _posts : [];
            return new AccountDayReport
            {
                Account = name,
                RunsSucceeded = Succeeded,
                RunsFailed = Failed,
                RunsSkipped = Skipped,
                RunsRetried = Retried,
                Posts = posts,
                PostCount = listPosts ? posts.Count : PostCount,
                InboxReceived = Received,
                InboxReplied = Replied,
                Orders = Orders,
                Cooldown = CooldownAccounts > 0 ? string.Create(CultureInfo.InvariantCulture, $"{CooldownAccounts} account(s)") : Cooldown,
                PendingApprovals = Pending,
                ExpiredApprovals = Expired,
            };
        }
    }
}
