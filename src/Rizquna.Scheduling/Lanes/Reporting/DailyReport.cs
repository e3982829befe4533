namespace Rizquna.Scheduling.Lanes.Reporting;

/// <summary>The nightly recap as data (for the API and dashboards); <see cref="DailyReportFormatter"/> turns it into text.</summary>
public sealed record DailyReport
{
    /// <summary>The local day reported.</summary>
    public required DateOnly Day { get; init; }

    /// <summary>The time zone the day is taken in (IANA or Windows id).</summary>
    public required string TimeZone { get; init; }

    /// <summary>Start of the period (local midnight, as an instant).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>End of the period (exclusive).</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>When the report was made (activity after this instant is not in it).</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Every account with activity, a cooldown or an approval, ordered by name.</summary>
    public required IReadOnlyList<AccountDayReport> Accounts { get; init; }

    /// <summary>The sums over all accounts (account name <c>total</c>, no posts listed).</summary>
    public required AccountDayReport Totals { get; init; }

    /// <summary>The most frequent errors, with one example message each.</summary>
    public required IReadOnlyList<ReportError> TopErrors { get; init; }

    /// <summary>True when nothing happened and nothing waits.</summary>
    public bool IsEmpty => Accounts.Count == 0;
}

/// <summary>One account's day (or the totals).</summary>
public sealed record AccountDayReport
{
    /// <summary>The account, <c>platform/key</c> (or <c>total</c>).</summary>
    public required string Account { get; init; }

    /// <summary>Runs that did their work.</summary>
    public int RunsSucceeded { get; init; }

    /// <summary>Runs that failed (each attempt counts).</summary>
    public int RunsFailed { get; init; }

    /// <summary>Runs with nothing to do.</summary>
    public int RunsSkipped { get; init; }

    /// <summary>Runs that were retries of a failed attempt.</summary>
    public int RunsRetried { get; init; }

    /// <summary>Posts published (lane B and the autopost queue).</summary>
    public IReadOnlyList<ReportPost> Posts { get; init; } = [];

    /// <summary>How many posts were published (equals <see cref="Posts"/>' count except in the totals, which list none).</summary>
    public int PostCount { get; init; }

    /// <summary>Inbox items received.</summary>
    public int InboxReceived { get; init; }

    /// <summary>Replies sent.</summary>
    public int InboxReplied { get; init; }

    /// <summary>Marketplace orders received.</summary>
    public int Orders { get; init; }

    /// <summary>The cooldown or pause in force or entered today, as text (e.g. <c>cooling down until 10:30</c>); null when none.</summary>
    public string? Cooldown { get; init; }

    /// <summary>Approvals waiting now.</summary>
    public int PendingApprovals { get; init; }

    /// <summary>Approvals that expired in the period.</summary>
    public int ExpiredApprovals { get; init; }
}

/// <summary>One published post.</summary>
/// <param name="Source"><c>lane</c> (lane B) or <c>autopost</c>.</param>
/// <param name="Item">The content item id or autopost item id and title.</param>
/// <param name="PlatformPostId">The platform's id.</param>
/// <param name="Url">The public link, when known.</param>
/// <param name="PublishedAt">When it was published.</param>
public sealed record ReportPost(string Source, string Item, string PlatformPostId, Uri? Url, DateTimeOffset PublishedAt);

/// <summary>A group of similar errors.</summary>
/// <param name="Key">The grouping key (error kind and message with numbers masked).</param>
/// <param name="Count">How many times it happened.</param>
/// <param name="Example">One full message.</param>
/// <param name="ExampleAccount">Where the example happened.</param>
public sealed record ReportError(string Key, int Count, string Example, string? ExampleAccount);
