using System.Globalization;
using System.Text;

namespace Rizquna.Scheduling.Lanes.Reporting;

/// <summary>Writes a <see cref="DailyReport"/> as plain text for operators, and splits text to a channel's length limit.</summary>
public static class DailyReportFormatter
{
    /// <summary>The report as readable plain text, one line per fact; a day without activity gets a short text.</summary>
    public static string Format(DailyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder(256 + (report.Accounts.Count * 96));
        if (report.IsEmpty)
        {
            text.Append("No activity on ").Append(Day(report)).Append(": no runs, posts, inbox items, cooldowns or approvals.");
            return text.ToString();
        }

        text.Append("Day ").Append(Day(report)).Append(", up to ").Append(Time(report.GeneratedAt, report)).Append('\n');
        AppendAccount(text, report.Totals, "Totals");
        foreach (var account in report.Accounts)
        {
            AppendAccount(text, account, account.Account);
            foreach (var post in account.Posts)
            {
                text.Append("  post ").Append(post.Item).Append(": ").Append(post.Url?.ToString() ?? post.PlatformPostId).Append('\n');
            }
        }

        if (report.TopErrors.Count > 0)
        {
            text.Append("Top errors:\n");
            foreach (var error in report.TopErrors)
            {
                text.Append("  ").Append(error.Count.ToString(CultureInfo.InvariantCulture)).Append("× ").Append(error.Key);
                if (!string.Equals(error.Key, error.Example, StringComparison.Ordinal))
                {
                    text.Append(" — e.g. ");
                    if (error.ExampleAccount is not null)
                    {
                        text.Append(error.ExampleAccount).Append(": ");
                    }

                    text.Append(error.Example.Length > 300 ? string.Concat(error.Example.AsSpan(0, 300), "…") : error.Example);
                }

                text.Append('\n');
            }
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// Splits <paramref name="text"/> into parts of at most <paramref name="limit"/> characters, cutting between lines
    /// (a line longer than the limit is cut inside, never inside a surrogate pair).
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 16);
        if (text.Length <= limit)
        {
            return [text];
        }

        var parts = new List<string>();
        var current = new StringBuilder(limit);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            while (line.Length > limit)
            {
                Flush(parts, current);
                var cut = char.IsHighSurrogate(line[limit - 1]) ? limit - 1 : limit;
                parts.Add(line[..cut]);
                line = line[cut..];
            }

            if (current.Length > 0 && current.Length + 1 + line.Length > limit)
            {
                Flush(parts, current);
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(line);
        }

        Flush(parts, current);
        return parts;
    }

    private static void Flush(List<string> parts, StringBuilder current)
    {
        if (current.Length > 0)
        {
            parts.Add(current.ToString());
            current.Clear();
        }
    }

    private static void AppendAccount(StringBuilder text, AccountDayReport account, string label)
    {
        text.Append(label).Append(": runs ")
            .Append(account.RunsSucceeded.ToString(CultureInfo.InvariantCulture)).Append(" ok, ")
            .Append(account.RunsFailed.ToString(CultureInfo.InvariantCulture)).Append(" failed, ")
            .Append(account.RunsSkipped.ToString(CultureInfo.InvariantCulture)).Append(" skipped, ")
            .Append(account.RunsRetried.ToString(CultureInfo.InvariantCulture)).Append(" retried; posts ")
            .Append(account.PostCount.ToString(CultureInfo.InvariantCulture)).Append("; inbox ")
            .Append(account.InboxReceived.ToString(CultureInfo.InvariantCulture)).Append(" received, ")
            .Append(account.InboxReplied.ToString(CultureInfo.InvariantCulture)).Append(" replied");
        if (account.Orders > 0)
        {
            text.Append(", ").Append(account.Orders.ToString(CultureInfo.InvariantCulture)).Append(" orders");
        }

        if (account.PendingApprovals > 0 || account.ExpiredApprovals > 0)
        {
            text.Append("; approvals ").Append(account.PendingApprovals.ToString(CultureInfo.InvariantCulture)).Append(" pending, ")
                .Append(account.ExpiredApprovals.ToString(CultureInfo.InvariantCulture)).Append(" expired");
        }

        if (account.Cooldown is not null)
        {
            text.Append("; cooldown: ").Append(account.Cooldown);
        }

        text.Append('\n');
    }

    private static string Day(DailyReport report) => report.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " (" + report.TimeZone + ")";

    private static string Time(DateTimeOffset instant, DailyReport report)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(report.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(instant, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
    }
}
