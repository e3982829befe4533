using Rizquna.Connectors.Meta.Graph;

namespace Rizquna.Connectors.Meta.Instagram;

/// <summary>
/// Checks <c>content_publishing_limit</c> before publishing. An exhausted quota is "rate limited", with the time the
/// rolling window frees: the oldest media published within it, plus the window.
/// </summary>
internal sealed class PublishingQuota(GraphClient graph)
{
    public async Task EnsureAvailableAsync(AccountRef account, CancellationToken cancellationToken)
    {
        var igUser = GraphPaths.Escape(account.PlatformAccountId);
        var limit = await graph.GetAsync(account, igUser + "/content_publishing_limit?fields=config,quota_usage",
            GraphJsonContext.Default.PublishingLimitResponse, cancellationToken).ConfigureAwait(false);
        var entry = limit.Data is { Count: > 0 } data ? data[0] : null;
        if (entry?.QuotaUsage is not { } used || entry.Config?.QuotaTotal is not { } total || used < total)
        {
            return;
        }

        var window = TimeSpan.FromSeconds(entry.Config.QuotaDuration is { } d and > 0 ? d : 86_400);
        var now = graph.Time.GetUtcNow();
        var freesAt = await OldestInWindowAsync(account, igUser, now - window, cancellationToken).ConfigureAwait(false) is { } oldest
            ? oldest + window
            : now + window;
        var wait = freesAt - now;
        throw new PlatformException(PlatformId.Instagram, PlatformErrorKind.RateLimited,
            $"instagram: the publishing quota is used up ({used}/{total} in {window.TotalHours:0.#} h); it frees at {freesAt:O}.")
        {
            RetryAfter = wait > TimeSpan.FromMinutes(1) ? wait : TimeSpan.FromMinutes(1),
            PlatformSubcode = GraphErrorKinds.PublishLimitSubcode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private async Task<DateTimeOffset?> OldestInWindowAsync(AccountRef account, string igUser, DateTimeOffset since, CancellationToken cancellationToken)
    {
        try
        {
            var media = await graph.GetAsync(account, $"{igUser}/media?fields=id,timestamp&since={GraphPaths.UnixSeconds(since)}&limit=100",
                GraphJsonContext.Default.GraphListInstagramMedia, cancellationToken).ConfigureAwait(false);
            DateTimeOffset? oldest = null;
            foreach (var item in media.Data ?? [])
            {
                if (GraphPaths.ParseTime(item.Timestamp) is { } at && at >= since && (oldest is null || at < oldest))
                {
                    oldest = at;
                }
            }

            return oldest;
        }
        catch (PlatformException)
        {
            return null; // fall back to a whole window
        }
    }
}
