namespace Rizquna;

/// <summary>
/// The small set of error kinds the kernel acts on. Connectors map every platform error to one of these;
/// retry and cooldown decisions are made from the kind alone.
/// </summary>
public enum PlatformErrorKind
{
    /// <summary>A passing failure (5xx, network, platform says transient): retry with backoff.</summary>
    Transient,
    /// <summary>Throttled: retry after <see cref="PlatformException.RetryAfter"/> (or the backoff, whichever is longer).</summary>
    RateLimited,
    /// <summary>The token expired or is invalid: refresh if possible, otherwise pause the account until its credential changes.</summary>
    AuthExpired,
    /// <summary>The user must authorise again (password changed, permission revoked): pause until the credential changes.</summary>
    ReauthorizationRequired,
    /// <summary>The content breaks a platform rule (too long, bad media): never retried as is.</summary>
    InvalidContent,
    /// <summary>The account may not do this (bot blocked, missing permission, outside a messaging window): pause or skip.</summary>
    Forbidden,
    /// <summary>The request was sent but the result is unknown (timeout, 5xx on a create): reconcile before any retry.</summary>
    OutcomeUnknown,
    /// <summary>Will never succeed as is (duplicate post, configuration conflict): no retry.</summary>
    Permanent,
}
