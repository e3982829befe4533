using Microsoft.Extensions.Options;
using Rizquna.SampleHost.Configuration;
using Rizquna.SampleHost.Errors;
using Rizquna.SampleHost.Security;

namespace Rizquna.SampleHost.Ingest;

/// <summary><c>POST /api/autopost/ingest</c>: bearer-authenticated content intake (n8n's HTTP Request node).</summary>
internal static class IngestEndpoints
{
    public static void MapIngestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/autopost/ingest", async (HttpContext context, IngestService ingest, IOptions<ApiOptions> api, CancellationToken cancellationToken) =>
            {
                if (!IsJson(context.Request.ContentType))
                {
                    return Problems.UnsupportedMediaType();
                }

                var (bytes, problem) = await RequestBody.ReadBytesAsync(context, api.Value.MaxRequestBodyBytes, cancellationToken);
                if (problem is not null)
                {
                    return problem;
                }

                var key = context.Request.Headers["Idempotency-Key"];
                var client = context.Items[RequireApiToken.ClientItem] as string ?? "anonymous";
                var result = await ingest.IngestAsync(bytes!, key.Count == 0 ? null : key.ToString(), client, cancellationToken);
                return result.Result;
            })
            .AddEndpointFilter<RequireApiToken>()
            .WithTags("autopost").WithName("Ingest")
            .WithSummary("Queue content: {title, summary, link, image_url?, data?, channels?, publish_at?}; 201 with the queue item.")
            .Accepts<IngestBody>("application/json")
            .Produces<QueueItemView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    internal static bool IsJson(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The ingest body, for the OpenAPI document (the endpoint reads the raw JSON to name every bad field).</summary>
public sealed record IngestBody(
    string Title,
    string Summary,
    string Link,
    string? ImageUrl,
    System.Text.Json.JsonElement? Data,
    IReadOnlyList<string>? Channels,
    DateTimeOffset? PublishAt);
