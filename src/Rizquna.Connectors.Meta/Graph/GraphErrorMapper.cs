using System.Globalization;
using Rizquna.Http;

namespace Rizquna.Connectors.Meta.Graph;

/// <summary>Builds the <see cref="PlatformException"/> for a Graph error response.</summary>
internal static class GraphErrorMapper
{
    /// <summary>
    /// Maps an error response. A content-creating call that failed with 5xx may have been carried out, so it is an
    /// unknown outcome whatever the body says. Rate limits take their wait from the usage headers
    /// (<c>estimated_time_to_regain_access</c>), then <c>Retry-After</c>.
    /// </summary>
    public static PlatformException Map(
        PlatformId platform,
        GraphError? error,
        int httpStatus,
        string? rawBody,
        UsageReading usage,
        TimeSpan? retryAfterHeader,
        bool createsContent,
        TimeSpan policyCooldown,
        string? token = null)
    {
        var (kind, longCooldown) = GraphErrorKinds.Classify(error?.Code, error?.Subcode, error?.IsTransient ?? false, error?.Message, httpStatus);
        if (createsContent && httpStatus >= 500)
        {
            kind = TransportFailure.KindForServerError(createsContent: true);
        }

        TimeSpan? retryAfter = null;
        TimeSpan? cooldown = null;
        if (longCooldown)
        {
            retryAfter = cooldown = policyCooldown;
        }
        else if (kind == PlatformErrorKind.RateLimited)
        {
            retryAfter = usage.RegainAccessIn is { } regain && regain > TimeSpan.Zero ? regain : retryAfterHeader;
        }
        else if (kind == PlatformErrorKind.Transient)
        {
            retryAfter = retryAfterHeader;
        }

        return new PlatformException(platform, kind, Describe(platform, error, httpStatus, kind, token))
        {
            PlatformCode = error?.Code?.ToString(CultureInfo.InvariantCulture),
            PlatformSubcode = error?.Subcode?.ToString(CultureInfo.InvariantCulture),
            TraceId = error?.FbTraceId,
            HttpStatus = httpStatus,
            RawBody = rawBody is null ? null : SecretRedactor.Redact(PlatformException.Truncate(rawBody), token),
            RetryAfter = retryAfter,
            Cooldown = cooldown,
        };
    }

    private static string Describe(PlatformId platform, GraphError? error, int httpStatus, PlatformErrorKind kind, string? token)
    {
        if (error is null)
        {
            return $"{platform}: Graph API returned HTTP {httpStatus} without an error envelope ({kind}).";
        }

        var text = SecretRedactor.Redact(error.UserMessage is { Length: > 0 } user ? $"{error.Message} — {user}" : error.Message, token);
        var sub = error.Subcode is { } s ? $"/{s}" : string.Empty;
        var outcome = kind == PlatformErrorKind.OutcomeUnknown
            ? " The request was sent; the outcome is unknown and must be reconciled before any retry."
            : string.Empty;
        return $"{platform}: Graph error {error.Code}{sub} ({kind}): {text}{outcome}";
    }
}
