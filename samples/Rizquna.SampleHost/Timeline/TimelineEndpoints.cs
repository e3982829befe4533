using System.Globalization;
using Rizquna.Scheduling.Audit;
using Rizquna.SampleHost.Errors;
using Rizquna.SampleHost.Queue;
using Rizquna.SampleHost.Security;

namespace Rizquna.SampleHost.Timeline;

/// <summary><c>GET /api/timeline</c>: the kernel's audit log, filtered (account, job, type, from, to) and paged with a <c>next</c> link.</summary>
internal static class TimelineEndpoints
{
    public static void MapTimelineEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/timeline", async (HttpContext context, IAuditLog audit, string? account, string? job, string? type,
                string? from, string? to, string? limit, string? cursor, CancellationToken cancellationToken) =>
            {
                var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                var fromTime = ApiQuery.Time(from, "from", errors);
                var toTime = ApiQuery.Time(to, "to", errors);
                var size = ApiQuery.Limit(limit, 1000, errors, 100);
                long after = 0;
                if (!string.IsNullOrEmpty(cursor) && (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 0))
                {
                    errors["cursor"] = ["Not a cursor this API issued."];
                }

                if (errors.Count > 0)
                {
                    return Problems.Validation(errors);
                }

                var page = await audit.QueryAsync(new AuditQuery
                {
                    Account = string.IsNullOrEmpty(account) ? null : account,
                    JobName = string.IsNullOrEmpty(job) ? null : job,
                    Types = string.IsNullOrEmpty(type) ? null : type.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    From = fromTime,
                    To = toTime,
                    AfterId = after,
                    Limit = size,
                }, cancellationToken);
                return Results.Ok(new
                {
                    items = page.Items,
                    next = page.NextAfter is { } n ? ApiQuery.NextLink(context.Request, n.ToString(CultureInfo.InvariantCulture)) : null,
                });
            })
            .AddEndpointFilter<RequireApiToken>().WithTags("timeline").WithName("Timeline")
            .WithSummary("Audit events in append order. Filters: account (platform/key), job, type (comma list), from, to; limit; cursor.");
    }
}
