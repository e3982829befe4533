using Rizquna.SampleHost.Storage;

namespace Rizquna.SampleHost.Health;

/// <summary><c>GET /health</c> (liveness + component and token summary, no auth, no platform calls) and <c>GET /health/ready</c>.</summary>
internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (HealthReporter reporter, CancellationToken cancellationToken) =>
        {
            var report = await reporter.BuildAsync(cancellationToken);
            return TypedResults.Ok(report);
        }).WithTags("health").WithName("Health").DisableRateLimiting();

        app.MapGet("/health/ready", async (HealthReporter reporter, CancellationToken cancellationToken) =>
        {
            var report = await reporter.BuildAsync(cancellationToken);
            return report.Ok
                ? Results.Ok(new { ready = true })
                : Results.Json(new { ready = false, components = report.Components }, HostJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).WithTags("health").WithName("Ready").DisableRateLimiting();
    }
}

/// <summary>Builds the health document from cheap local checks.</summary>
internal sealed class HealthReporter(HostDatabase database, TokenHealthBoard tokens, IEnumerable<IHealthComponent> components)
{
    public async Task<HealthReport> BuildAsync(CancellationToken cancellationToken)
    {
        var result = new SortedDictionary<string, ComponentStatus>(StringComparer.Ordinal);
        try
        {
            await database.MigrateAsync(cancellationToken);
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var ping = connection.CreateCommand();
            ping.CommandText = "SELECT 1;";
            await ping.ExecuteScalarAsync(cancellationToken);
            result["database"] = new ComponentStatus(true, "sqlite " + Path.GetFileName(database.FilePath));
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            result["database"] = new ComponentStatus(false, ex.GetType().Name);
        }

        foreach (var component in components)
        {
            result[component.Name] = await component.CheckAsync(cancellationToken);
        }

        var ok = result.Values.All(static c => c.Ok);
        return new HealthReport(ok, result, tokens.Snapshot());
    }
}

/// <summary>A part of the host that reports its own health.</summary>
public interface IHealthComponent
{
    /// <summary>Its name in <c>components</c>.</summary>
    string Name { get; }

    /// <summary>A cheap local check.</summary>
    ValueTask<ComponentStatus> CheckAsync(CancellationToken cancellationToken = default);
}

/// <summary>The state of one component.</summary>
public sealed record ComponentStatus(bool Ok, string? Detail = null);

/// <summary>The <c>/health</c> document.</summary>
public sealed record HealthReport(bool Ok, IReadOnlyDictionary<string, ComponentStatus> Components, IReadOnlyDictionary<string, TokenStatus> Tokens);
