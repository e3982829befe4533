namespace Rizquna.Connectors.Meta.Graph;

/// <summary>
/// Graph error code and subcode → the kernel's <see cref="PlatformErrorKind"/>, per platform-contracts.md §1.2–1.4.
/// Subcodes are looked at first (they are more specific), then codes, then <c>is_transient</c>, then the HTTP status.
/// </summary>
internal static class GraphErrorKinds
{
    /// <summary>Error 368: temporarily blocked for policy violations — wait a long time.</summary>
    public const int PolicyBlock = 368;

    /// <summary>Instagram's publishing-limit subcode (code 9).</summary>
    public const int PublishLimitSubcode = 2207042;

    /// <summary>The kind, and whether the account should take the long policy cooldown.</summary>
    public static (PlatformErrorKind Kind, bool LongCooldown) Classify(int? code, int? subcode, bool isTransient, string? message, int httpStatus)
    {
        if (subcode is { } sub && FromSubcode(sub) is { } bySubcode)
        {
            return bySubcode;
        }

        if (code is { } c && FromCode(c, subcode, message) is { } byCode)
        {
            // is_transient overrides only the kinds that would otherwise end retries for a content reason.
            return isTransient && byCode.Kind is PlatformErrorKind.InvalidContent or PlatformErrorKind.Permanent
                ? (PlatformErrorKind.Transient, false)
                : byCode;
        }

        if (isTransient)
        {
            return (PlatformErrorKind.Transient, false);
        }

        return (FromStatus(httpStatus), false);
    }

    private static (PlatformErrorKind Kind, bool LongCooldown)? FromSubcode(int subcode) => subcode switch
    {
        // 190 family.
        463 or 467 => (PlatformErrorKind.AuthExpired, false),
        458 or 459 or 460 or 464 or 492 or 33 => (PlatformErrorKind.ReauthorizationRequired, false),

        // Instagram: retryable server-side or fetch problems.
        2207001 or 2207003 or 2207008 or 2207020 or 2207027 or 2207032 or 2207052 or 2207053 or 2207077 or 2207082
            => (PlatformErrorKind.Transient, false),
        PublishLimitSubcode => (PlatformErrorKind.RateLimited, false),
        2207051 => (PlatformErrorKind.RateLimited, true),          // suspected spam / restricted activity
        2207050 => (PlatformErrorKind.Forbidden, false),           // account restricted / checkpointed
        >= 2207000 and < 2208000 => (PlatformErrorKind.InvalidContent, false),

        // Facebook feed/photo subcodes seen in the wild (Postiz).
        1390008 => (PlatformErrorKind.RateLimited, false),         // posting too fast
        1363047 or 1609010 => (PlatformErrorKind.Transient, false), // service unavailable
        1404078 or 4854002 => (PlatformErrorKind.Forbidden, false), // page publishing authorisation / identity confirmation
        1366051 => (PlatformErrorKind.Permanent, false),           // photos already posted
        1366046 or 1346003 or 1404102 or 1609008 or 2061006 or 1349125 or 1609005 => (PlatformErrorKind.InvalidContent, false),
        _ => null,
    };

    private static (PlatformErrorKind Kind, bool LongCooldown)? FromCode(int code, int? subcode, string? message) => code switch
    {
        1 or 2 => (PlatformErrorKind.Transient, false),
        -1 or -2 => (PlatformErrorKind.Transient, false),
        4 or 17 or 32 or 341 or 613 or 9 => (PlatformErrorKind.RateLimited, false),
        >= 80000 and <= 80014 => (PlatformErrorKind.RateLimited, false),
        PolicyBlock => (PlatformErrorKind.RateLimited, true),
        190 => (IsSessionInvalidated(message) ? PlatformErrorKind.ReauthorizationRequired : PlatformErrorKind.AuthExpired, false),
        102 => (PlatformErrorKind.AuthExpired, false),
        3 or 10 or (>= 200 and <= 299) => (PlatformErrorKind.Forbidden, false),
        25 => (PlatformErrorKind.Forbidden, false),
        506 => (PlatformErrorKind.Permanent, false),
        100 or 24 or 352 or 9004 or 9007 or 1609005 or (>= 36000 and <= 36004) => (PlatformErrorKind.InvalidContent, false),
        _ => null,
    };

    private static bool IsSessionInvalidated(string? message) =>
        message is not null
        && (message.Contains("session has been invalidated", StringComparison.OrdinalIgnoreCase)
            || message.Contains("changed the password", StringComparison.OrdinalIgnoreCase)
            || message.Contains("not authorized application", StringComparison.OrdinalIgnoreCase));

    private static PlatformErrorKind FromStatus(int status) => status switch
    {
        401 => PlatformErrorKind.AuthExpired,
        403 => PlatformErrorKind.Forbidden,
        408 or 429 => status == 429 ? PlatformErrorKind.RateLimited : PlatformErrorKind.Transient,
        >= 500 => PlatformErrorKind.Transient,
        _ => PlatformErrorKind.Permanent,
    };
}
