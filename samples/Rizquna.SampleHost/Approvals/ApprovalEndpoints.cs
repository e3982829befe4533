using System.Text.Json;
using Microsoft.Extensions.Options;
using Rizquna.Scheduling.Approvals;
using Rizquna.SampleHost.Configuration;
using Rizquna.SampleHost.Errors;
using Rizquna.SampleHost.Security;

namespace Rizquna.SampleHost.Approvals;

/// <summary><c>GET /api/approvals</c>, <c>POST /api/approvals/{id}/approve|reject</c> over the kernel's <see cref="ApprovalService"/>.</summary>
internal static class ApprovalEndpoints
{
    public static void MapApprovalEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/approvals").AddEndpointFilter<RequireApiToken>().WithTags("approvals");
        group.MapGet("/", async (string? status, string? limit, ApprovalService approvals, CancellationToken cancellationToken) =>
        {
            ApprovalStatus? filter = null;
            if (!string.IsNullOrEmpty(status))
            {
                if (!Enum.TryParse<ApprovalStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
                {
                    return Problems.Validation(new Dictionary<string, string[]>
                    {
                        ["status"] = [$"Must be one of: {string.Join(", ", Enum.GetNames<ApprovalStatus>().Select(static n => n.ToLowerInvariant()))}."],
                    });
                }

                filter = parsed;
            }

            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var size = Queue.ApiQuery.Limit(limit, 1000, errors, 100);
            if (errors.Count > 0)
            {
                return Problems.Validation(errors);
            }

            return Results.Ok(new { items = await approvals.ListAsync(filter, size, cancellationToken) });
        }).WithName("ListApprovals").WithSummary("Approvals, oldest first; filter by status (pending, approved, rejected, expired).");
        group.MapPost("/{id}/approve", (string id, HttpContext context, ApprovalService approvals, IOptions<ApiOptions> api, CancellationToken cancellationToken) =>
            DecideAsync(id, approve: true, context, approvals, api.Value, cancellationToken)).WithName("Approve");
        group.MapPost("/{id}/reject", (string id, HttpContext context, ApprovalService approvals, IOptions<ApiOptions> api, CancellationToken cancellationToken) =>
            DecideAsync(id, approve: false, context, approvals, api.Value, cancellationToken)).WithName("Reject");
    }

    private static async Task<IResult> DecideAsync(string id, bool approve, HttpContext context, ApprovalService approvals, ApiOptions api, CancellationToken cancellationToken)
    {
        string? note = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            var (document, _, problem) = await RequestBody.ReadJsonAsync(context, api.MaxRequestBodyBytes, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            using (document)
            {
                var root = document!.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return Problems.Validation(new Dictionary<string, string[]> { ["$"] = ["The body must be a JSON object such as {\"note\":\"…\"}."] });
                }

                if (root.TryGetProperty("note", out var n) && n.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    return Problems.Validation(new Dictionary<string, string[]> { ["note"] = ["Must be a string."] });
                }

                note = root.TryGetProperty("note", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
            }
        }

        if (await approvals.GetAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"No approval '{id}'.");
        }

        var actor = Actor.Of(context);
        var decided = approve
            ? await approvals.ApproveAsync(id, actor, note, cancellationToken)
            : await approvals.RejectAsync(id, actor, note, cancellationToken);
        return decided is null
            ? Problems.Conflict("already-decided", $"Approval '{id}' is no longer pending.")
            : Results.Ok(decided);
    }
}
