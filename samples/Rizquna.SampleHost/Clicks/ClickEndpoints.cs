using Rizquna.SampleHost.Errors;
using Rizquna.SampleHost.Security;

namespace Rizquna.SampleHost.Clicks;

/// <summary><c>GET /go/{id}</c> (public: it is the link people click) and <c>GET /api/links</c> (stats).</summary>
internal static class ClickEndpoints
{
    public static void MapClickEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/go/{id}", async (string id, HttpContext context, LinkStore links, CancellationToken cancellationToken) =>
        {
            if (id.Length is 0 or > 32)
            {
                return (IResult)Problems.NotFound($"No link '{id}'.");
            }

            var target = await links.ClickAsync(id, context.Request.Headers.UserAgent.ToString(), cancellationToken);
            return target is null ? Problems.NotFound($"No link '{id}'.") : TypedResults.Redirect(target.AbsoluteUri);
        }).WithTags("links").WithName("FollowLink");

        app.MapGet("/api/links", async (string? queue_item_id, LinkStore links, CancellationToken cancellationToken) =>
                TypedResults.Ok(new { items = await links.ListAsync(queue_item_id, 200, cancellationToken) }))
            .AddEndpointFilter<RequireApiToken>().WithTags("links").WithName("ListLinks");
    }
}
