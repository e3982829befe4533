using System.Globalization;
using Rizquna.Scheduling.Autopost;
using Rizquna.SampleHost.Errors;
using Rizquna.SampleHost.Ingest;
using Rizquna.SampleHost.Security;

namespace Rizquna.SampleHost.Queue;

/// <summary>
/// <c>GET /api/autopost/queue</c> (items, filters, cursor paging with a <c>next</c> link), <c>GET /api/autopost/queue/{id}</c>,
/// <c>POST …/{id}/cancel</c> and <c>…/{id}/retry</c>, all over the lanes' <see cref="IAutopostQueue"/>.
/// </summary>
internal static class QueueEndpoints
{
    public static void MapQueueEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/autopost").AddEndpointFilter<RequireApiToken>().WithTags("autopost");
        group.MapGet("/queue", ListAsync).WithName("ListQueue")
            .WithSummary("Queue items, newest first. Filters: status, channel (platform or platform/account), account, from, to (publish time); limit; cursor.");
        group.MapGet("/queue/{id:long}", async (long id, IAutopostQueue queue, CancellationToken cancellationToken) =>
            await queue.GetAsync(id, cancellationToken) is { } item
                ? Results.Ok(QueueItemView.From(item))
                : Problems.NotFound($"No queue item {id}.")).WithName("GetQueueItem");
        group.MapPost("/queue/{id:long}/cancel", async (long id, IAutopostQueue queue, CancellationToken cancellationToken) =>
            Command(await queue.CancelAsync(id, cancellationToken), id)).WithName("CancelQueueItem");
        group.MapPost("/queue/{id:long}/retry", async (long id, IAutopostQueue queue, CancellationToken cancellationToken) =>
            Command(await queue.RetryNowAsync(id, cancellationToken), id)).WithName("RetryQueueItem");
    }

    private static async Task<IResult> ListAsync(
        HttpContext context, IAutopostQueue queue, string? status, string? channel, string? account, string? from, string? to,
        string? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        AutopostStatus? statusFilter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<AutopostStatus>(status.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var parsed)
                && !int.TryParse(status, out _))
            {
                statusFilter = parsed;
            }
            else
            {
                errors["status"] = ["Must be one of: ready, posting, posted, failed, skipped, pending_approval, cancelled."];
            }
        }

        var channelFilter = ApiQuery.Channel(channel, account, errors);
        var fromFilter = ApiQuery.Time(from, "from", errors);
        var toFilter = ApiQuery.Time(to, "to", errors);
        var size = ApiQuery.Limit(limit, AutopostQuery.MaxLimit, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        AutopostPage page;
        try
        {
            page = await queue.ListAsync(new AutopostQuery
            {
                Status = statusFilter,
                Channel = channelFilter,
                PublishFrom = fromFilter,
                PublishTo = toFilter,
                Limit = size,
                Cursor = cursor,
            }, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["cursor"] = [ex.Message] });
        }

        return Results.Ok(new
        {
            items = page.Items.Select(QueueItemView.From).ToArray(),
            next = page.NextCursor is null ? null : ApiQuery.NextLink(context.Request, page.NextCursor),
        });
    }

    private static IResult Command(AutopostCommandResult result, long id) => result.Status switch
    {
        AutopostCommandStatus.Done => Results.Ok(QueueItemView.From(result.Item!)),
        AutopostCommandStatus.NotFound => Problems.NotFound($"No queue item {id}."),
        _ => Problems.Conflict("not-allowed", result.Reason ?? "The item's state does not allow this."),
    };
}
