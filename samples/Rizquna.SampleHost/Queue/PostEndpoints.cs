using System.Globalization;
using System.Text;
using Rizquna.Scheduling.Autopost;
using Rizquna.SampleHost.Clicks;
using Rizquna.SampleHost.Errors;
using Rizquna.SampleHost.Security;

namespace Rizquna.SampleHost.Queue;

/// <summary>
/// <c>GET /api/autopost/posts</c>: what was published (one row per item and channel), newest first, with click counts.
/// Filters: channel, account, status (posted, failed, skipped), from/to (default the last 7 days); cursor paging.
/// </summary>
internal static class PostEndpoints
{
    public static void MapPostEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/autopost/posts", async (HttpContext context, IAutopostStore store, LinkStore links, TimeProvider time,
                string? channel, string? account, string? status, string? from, string? to, string? limit, string? cursor,
                CancellationToken cancellationToken) =>
            {
                var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                var channelFilter = ApiQuery.Channel(channel, account, errors);
                var now = time.GetUtcNow();
                var fromTime = ApiQuery.Time(from, "from", errors) ?? now.AddDays(-7);
                var toTime = ApiQuery.Time(to, "to", errors) ?? now.AddMinutes(1);
                var size = ApiQuery.Limit(limit, 500, errors);
                AutopostChannelStatus statusFilter = AutopostChannelStatus.Posted;
                if (!string.IsNullOrEmpty(status) && (!Enum.TryParse(status, ignoreCase: true, out statusFilter) || int.TryParse(status, out _)))
                {
                    errors["status"] = ["Must be one of: posted, failed, skipped."];
                }

                var skip = 0;
                if (!string.IsNullOrEmpty(cursor))
                {
                    try
                    {
                        skip = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)), CultureInfo.InvariantCulture);
                    }
                    catch (FormatException)
                    {
                        errors["cursor"] = ["Not a cursor this API issued."];
                    }
                }

                if (errors.Count > 0)
                {
                    return Problems.Validation(errors);
                }

                var rows = (await store.ListChannelOutcomesAsync(fromTime, toTime, cancellationToken))
                    .Where(r => r.Result.Status == statusFilter)
                    .Where(r => channelFilter is null || (channelFilter.Contains('/', StringComparison.Ordinal)
                        ? string.Equals(r.Result.Channel, channelFilter, StringComparison.OrdinalIgnoreCase)
                        : r.Result.Channel.StartsWith(channelFilter + "/", StringComparison.OrdinalIgnoreCase)))
                    .OrderByDescending(static r => r.At).ThenByDescending(static r => r.ItemId)
                    .ToList();
                var page = rows.Skip(skip).Take(size).ToList();
                // Clicks per (item, channel); links minted without a known account count for every channel of their platform.
                var clicks = (await links.ListAsync(null, 10_000, cancellationToken))
                    .Where(static l => l.QueueItemId is not null)
                    .GroupBy(static l => (l.QueueItemId!, l.Channel ?? l.Platform ?? string.Empty))
                    .ToDictionary(static g => g.Key, static g => g.Sum(static l => l.Clicks));
                var next = skip + page.Count < rows.Count
                    ? ApiQuery.NextLink(context.Request, Convert.ToBase64String(Encoding.UTF8.GetBytes((skip + page.Count).ToString(CultureInfo.InvariantCulture))))
                    : null;
                return Results.Ok(new
                {
                    items = page.Select(r => new
                    {
                        queue_item_id = r.ItemId,
                        title = r.Title,
                        channel = r.Result.Channel,
                        status = r.Result.Status.ToString().ToLowerInvariant(),
                        platform_post_id = r.Result.PlatformPostId,
                        url = r.Result.Url,
                        at = r.At,
                        attempts = r.Result.Attempts,
                        error = r.Result.Error,
                        dry_run = r.Result.PlatformPostId?.StartsWith("dry-", StringComparison.Ordinal) == true,
                        clicks = Clicks(clicks, r.ItemId.ToString(CultureInfo.InvariantCulture), r.Result.Channel),
                    }),
                    next,
                });
            })
            .AddEndpointFilter<RequireApiToken>().WithTags("autopost").WithName("ListPosts");
    }

    private static int Clicks(Dictionary<(string Item, string Channel), int> clicks, string item, string channel) =>
        (clicks.TryGetValue((item, channel), out var exact) ? exact : 0)
        + (clicks.TryGetValue((item, channel.Split('/')[0]), out var platformOnly) ? platformOnly : 0);
}
