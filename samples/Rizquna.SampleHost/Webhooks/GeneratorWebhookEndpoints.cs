using System.Globalization;
using Microsoft.Extensions.Options;
using Rizquna.SampleHost.Configuration;
using Rizquna.SampleHost.Errors;
using Rizquna.SampleHost.Ingest;
using Rizquna.SampleHost.Security;

namespace Rizquna.SampleHost.Webhooks;

/// <summary>
/// <c>POST /api/autopost/webhook/{source}</c>: content pushed by a generator. Authenticated by its signature (not a
/// bearer token): <c>X-Rizquna-Timestamp</c> must be within the tolerance and <c>X-Rizquna-Signature</c> must be the
/// HMAC of "timestamp.body" with the source's secret; a signature seen before is a replay. Every delivery is logged.
/// </summary>
internal static class GeneratorWebhookEndpoints
{
    public static void MapGeneratorWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/autopost/webhook/{source}", HandleAsync)
            .WithTags("autopost").WithName("GeneratorWebhook")
            .WithSummary("Content from a generator, signed with HMAC-SHA256 over \"timestamp.body\".");
    }

    private static async Task<IResult> HandleAsync(
        string source,
        HttpContext context,
        IOptions<WebhookOptions> webhooks,
        IOptions<ApiOptions> api,
        WebhookLog log,
        IngestService ingest,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (bytes, problem) = await RequestBody.ReadBytesAsync(context, api.Value.MaxRequestBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var body = bytes!;
        if (!webhooks.Value.Sources.TryGetValue(source, out var settings) || string.IsNullOrEmpty(settings.Secret))
        {
            await log.RecordAsync(source, "unknown_source", null, body, keepBody: false, cancellationToken);
            return Problems.NotFound($"No webhook source '{source}' is configured (Rizquna:Webhooks:Sources:{source}:Secret).");
        }

        var tolerance = webhooks.Value.TimestampTolerance;
        var timestampText = context.Request.Headers[HmacSignature.TimestampHeader].ToString();
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            await log.RecordAsync(source, "bad_timestamp", "missing or not unix seconds", body, keepBody: false, cancellationToken);
            return Problems.BadSignature($"{HmacSignature.TimestampHeader} must be the unix time in seconds.");
        }

        var signature = context.Request.Headers[HmacSignature.SignatureHeader].ToString();
        if (!HmacSignature.Verify(settings.Secret, timestamp, body, signature))
        {
            await log.RecordAsync(source, "bad_signature", null, body, keepBody: false, cancellationToken);
            return Problems.BadSignature($"{HmacSignature.SignatureHeader} must be sha256=hex(HMAC-SHA256(secret, timestamp + \".\" + body)).");
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(timestamp);
        if (age.Duration() > tolerance)
        {
            await log.RecordAsync(source, "stale", $"timestamp off by {age.TotalSeconds:0} s", body, keepBody: false, cancellationToken);
            return Problems.BadSignature($"The timestamp is more than {tolerance.TotalSeconds:0} s from the server's clock; replays are rejected.");
        }

        if (!await log.TryRememberAsync(source, signature.Trim().ToLowerInvariant(), tolerance * 2, cancellationToken))
        {
            await log.RecordAsync(source, "replay", null, body, keepBody: false, cancellationToken);
            return Problems.Conflict("replay", "This delivery was already received.");
        }

        var result = await ingest.IngestAsync(body, idempotencyKey: null, client: "webhook:" + source, cancellationToken);
        await log.RecordAsync(source, result.Accepted ? "accepted" : "rejected", result.Accepted ? null : "invalid content",
            body, keepBody: result.Accepted, cancellationToken);
        return result.Result;
    }
}
