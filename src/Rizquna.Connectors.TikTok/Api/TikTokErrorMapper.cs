using Rizquna.Http;

namespace Rizquna.Connectors.TikTok;

/// <summary>
/// Maps TikTok's envelope errors and <c>fail_reason</c>s to the kernel's <see cref="PlatformErrorKind"/>s.
/// Every message and body is redacted before it reaches the exception.
/// </summary>
internal sealed class TikTokErrorMapper(TikTokOptions options)
{
    /// <summary>An error from the <c>{data, error}</c> envelope (or a bare HTTP status when the body was not one).</summary>
    public PlatformException FromEnvelope(
        string? code, string? message, string? logId, int httpStatus, TimeSpan? retryAfter, string? rawBody, bool createsContent,
        ReadOnlySpan<string?> secrets)
    {
        var (kind, cooldown) = KindFor(code, httpStatus, createsContent);
        var what = code is null ? $"HTTP {httpStatus}" : code;
        var text = string.IsNullOrWhiteSpace(message) ? string.Empty : ": " + message;
        var wait = kind == PlatformErrorKind.RateLimited
            ? (cooldown is { } c && (retryAfter is null || retryAfter < c) ? c : retryAfter ?? options.RateLimitRetryAfter)
            : retryAfter;

        return new PlatformException(PlatformId.TikTok, kind,
            SecretRedactor.Redact($"TikTok refused the call ({what}{text}).", secrets))
        {
            PlatformCode = code,
            TraceId = logId,
            HttpStatus = httpStatus,
            RetryAfter = wait,
            Cooldown = cooldown,
            RawBody = rawBody is null ? null : SecretRedactor.Redact(rawBody, secrets),
        };
    }

    /// <summary>A <c>FAILED</c> status, with its <c>fail_reason</c> carried into the error.</summary>
    public PlatformException FromFailReason(string? failReason, string publishId)
    {
        var reason = string.IsNullOrWhiteSpace(failReason) ? "unknown" : failReason;
        var (kind, cooldown) = reason switch
        {
            "internal" => (PlatformErrorKind.Transient, (TimeSpan?)null),
            "auth_removed" => (PlatformErrorKind.ReauthorizationRequired, null),
            "publish_cancelled" => (PlatformErrorKind.Permanent, null),
            "spam_risk_text" => (PlatformErrorKind.InvalidContent, null),
            _ when reason.StartsWith(TikTokErrorCodes.SpamRiskPrefix, StringComparison.Ordinal) =>
                (PlatformErrorKind.RateLimited, options.SpamRiskCooldown),
            _ when reason.EndsWith("_check_failed", StringComparison.Ordinal) || reason.EndsWith("_pull_failed", StringComparison.Ordinal) =>
                (PlatformErrorKind.InvalidContent, null),
            _ => (PlatformErrorKind.Permanent, null),
        };

        return new PlatformException(PlatformId.TikTok, kind, $"TikTok could not publish {publishId}: {reason}.")
        {
            PlatformCode = reason,
            RetryAfter = cooldown,
            Cooldown = cooldown,
        };
    }

    /// <summary>The kind for an envelope code, falling back on the HTTP status for codes not listed.</summary>
    public (PlatformErrorKind Kind, TimeSpan? Cooldown) KindFor(string? code, int httpStatus, bool createsContent) => code switch
    {
        TikTokErrorCodes.AccessTokenInvalid => (PlatformErrorKind.AuthExpired, null),
        TikTokErrorCodes.ScopeNotAuthorized or TikTokErrorCodes.ScopePermissionMissed => (PlatformErrorKind.ReauthorizationRequired, null),
        TikTokErrorCodes.RateLimitExceeded => (PlatformErrorKind.RateLimited, null),
        TikTokErrorCodes.ReachedActiveUserCap => (PlatformErrorKind.RateLimited, options.SpamRiskCooldown),
        not null when code.StartsWith(TikTokErrorCodes.SpamRiskPrefix, StringComparison.Ordinal) =>
            (PlatformErrorKind.RateLimited, options.SpamRiskCooldown),
        TikTokErrorCodes.UrlOwnershipUnverified or TikTokErrorCodes.PrivacyLevelOptionMismatch or TikTokErrorCodes.InvalidParam
            or TikTokErrorCodes.InvalidParams or TikTokErrorCodes.InvalidFileUpload => (PlatformErrorKind.InvalidContent, null),
        TikTokErrorCodes.UnauditedClient or TikTokErrorCodes.AppVersionCheckFailed => (PlatformErrorKind.Forbidden, null),
        TikTokErrorCodes.InternalError => (PlatformErrorKind.Transient, null),
        TikTokErrorCodes.InvalidPublishId or TikTokErrorCodes.TokenNotAuthorizedForPublishId => (PlatformErrorKind.Permanent, null),
        _ => httpStatus switch
        {
            401 => (PlatformErrorKind.AuthExpired, null),
            403 => (PlatformErrorKind.Forbidden, null),
            408 => (TransportFailure.KindForServerError(createsContent), null),
            429 => (PlatformErrorKind.RateLimited, null),
            >= 500 => (TransportFailure.KindForServerError(createsContent), null),
            _ => (PlatformErrorKind.Permanent, null),
        },
    };
}
