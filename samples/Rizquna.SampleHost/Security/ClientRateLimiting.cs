using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Rizquna.SampleHost.Configuration;
using Rizquna.SampleHost.Errors;

namespace Rizquna.SampleHost.Security;

/// <summary>
/// Per-client fixed-window limits: a caller with a valid token is one client whatever its address; anyone else is
/// limited by IP address (so rotating made-up tokens gains nothing). Rejections are 429 problems with Retry-After.
/// </summary>
internal static class ClientRateLimiting
{
    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(static _ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ApiOptions>, ApiTokens>(static (limiter, api, tokens) =>
        {
            var permits = api.Value.RateLimitPermits;
            var window = api.Value.RateLimitWindow;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var index = tokens.Match(context.Request);
                var key = index >= 0 ? "token-" + index : "ip-" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = static async (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 1;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problems.Of(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests.",
                        $"Retry after {seconds} s.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
