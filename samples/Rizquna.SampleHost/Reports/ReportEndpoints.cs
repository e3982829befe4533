using System.Globalization;
using Microsoft.Extensions.Options;
using Rizquna.Scheduling;
using Rizquna.Scheduling.Lanes.Reporting;
using Rizquna.SampleHost.Errors;
using Rizquna.SampleHost.Security;

namespace Rizquna.SampleHost.Reports;

/// <summary><c>GET /api/reports/daily?date=YYYY-MM-DD</c>: the lanes' daily report as data (default: today in the plan's zone).</summary>
internal static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/daily", async (string? date, DailyReportService reports, IOptions<SchedulingOptions> scheduling,
                TimeProvider time, CancellationToken cancellationToken) =>
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(scheduling.Value.TimeZone);
                DateOnly day;
                if (string.IsNullOrEmpty(date))
                {
                    day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
                }
                else if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
                {
                    return Problems.Validation(new Dictionary<string, string[]> { ["date"] = [$"'{date}' is not a date like 2025-01-31."] });
                }

                return Results.Ok(await reports.BuildAsync(day, zone, cancellationToken));
            })
            .AddEndpointFilter<RequireApiToken>().WithTags("reports").WithName("DailyReport");
    }
}
