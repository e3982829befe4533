using System.Text.Json;
using Microsoft.Extensions.Options;
using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Storage;
using Rizquna.SampleHost.Configuration;
using Rizquna.SampleHost.Errors;
using Rizquna.SampleHost.Security;

namespace Rizquna.SampleHost.Plans;

/// <summary>
/// Plans over the kernel's <see cref="PlanManager"/>: <c>GET /api/jobs</c> (current plan, each job's state and next run),
/// <c>POST /api/jobs/generate</c>, <c>POST /api/jobs/rollback {version}</c>, <c>POST /api/jobs/{name}/enable|disable</c>.
/// </summary>
internal static class JobEndpoints
{
    public static void MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/jobs").AddEndpointFilter<RequireApiToken>().WithTags("jobs");
        group.MapGet("/", ListAsync).WithName("ListJobs").WithSummary("The current plan's jobs with their next run, and every plan version.");
        group.MapPost("/generate", async (HttpContext context, PlanManager plans, CancellationToken cancellationToken) =>
        {
            try
            {
                var change = await plans.GenerateAsync(Actor.Of(context), cancellationToken);
                return Results.Ok(new { version = change.Plan.Version, created = change.Created, diff = Diff(change.Diff) });
            }
            catch (OptionsValidationException ex)
            {
                return Problems.Of(StatusCodes.Status409Conflict, "invalid-settings", "The plan settings are invalid.", string.Join(" ", ex.Failures));
            }
        }).WithName("GeneratePlan").WithSummary("The one click: generate the plan from settings; returns the version and the difference.");
        group.MapPost("/rollback", RollbackAsync).WithName("RollbackPlan").WithSummary("Body {\"version\": K}: K's jobs become current as a new version.");
        group.MapPost("/{name}/enable", (string name, HttpContext context, PlanManager plans, CancellationToken cancellationToken) =>
            SetEnabledAsync(name, true, context, plans, cancellationToken)).WithName("EnableJob");
        group.MapPost("/{name}/disable", (string name, HttpContext context, PlanManager plans, CancellationToken cancellationToken) =>
            SetEnabledAsync(name, false, context, plans, cancellationToken)).WithName("DisableJob");
    }

    private static async Task<IResult> ListAsync(PlanManager plans, IJobStore jobs, CancellationToken cancellationToken)
    {
        var plan = await plans.GetCurrentAsync(cancellationToken);
        var states = (await jobs.ListAsync(cancellationToken)).ToDictionary(static s => s.Name, StringComparer.Ordinal);
        var versions = await plans.ListVersionsAsync(cancellationToken);
        var items = (plan?.Jobs ?? []).Select(job =>
        {
            states.TryGetValue(job.Name, out var state);
            return new
            {
                name = job.Name,
                lane = JsonNamingPolicy.SnakeCaseLower.ConvertName(job.Lane.ToString()),
                account = job.Account?.ToString(),
                trigger = job.Trigger.ToString(),
                enabled = state?.Enabled ?? true,
                next_run_at = state?.DueAt,
                attempt = state?.Attempt,
                leased_by = state?.LeaseOwner,
            };
        }).ToArray();
        return Results.Ok(new
        {
            version = plan?.Version,
            time_zone = plan?.TimeZoneId,
            jobs = items,
            versions = versions.Select(static v => new { v.Version, v.CreatedAt, v.CreatedBy, v.Origin, v.JobCount }),
        });
    }

    private static async Task<IResult> RollbackAsync(HttpContext context, PlanManager plans, IOptions<ApiOptions> api, CancellationToken cancellationToken)
    {
        var (document, _, problem) = await RequestBody.ReadJsonAsync(context, api.Value.MaxRequestBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using (document)
        {
            var root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.Number
                || !v.TryGetInt32(out var version) || version < 1)
            {
                return Problems.Validation(new Dictionary<string, string[]> { ["version"] = ["Required: a plan version number (1 or more)."] });
            }

            try
            {
                var change = await plans.RollbackAsync(version, Actor.Of(context), cancellationToken);
                return Results.Ok(new { version = change.Plan.Version, rolled_back_to = version, diff = Diff(change.Diff) });
            }
            catch (ArgumentOutOfRangeException)
            {
                return Problems.NotFound($"Plan version {version} does not exist.");
            }
        }
    }

    private static async Task<IResult> SetEnabledAsync(string name, bool enabled, HttpContext context, PlanManager plans, CancellationToken cancellationToken)
    {
        var plan = await plans.GetCurrentAsync(cancellationToken);
        if (plan is null || plan.Jobs.All(j => j.Name != name))
        {
            return Problems.NotFound($"No job '{name}' in the current plan.");
        }

        var changed = await plans.SetJobEnabledAsync(name, enabled, Actor.Of(context), cancellationToken);
        return Results.Ok(new { name, enabled, changed });
    }

    private static object Diff(PlanDiff diff) => new { added = diff.Added, removed = diff.Removed, changed = diff.Changed };
}
