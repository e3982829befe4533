namespace Rizquna.Http;

/// <summary>
/// Marks on an outgoing request that the resilience handler reads. A request is retried automatically only when it is a
/// read (GET/HEAD) or explicitly marked idempotent: a call that creates content is never re-sent by the HTTP layer.
/// </summary>
public static class RizqunaHttpRequest
{
    /// <summary>Set to true on a POST/PUT that is safe to repeat (a status query, a search, an upload chunk the platform dedups).</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("Rizquna.Idempotent");

    /// <summary>The account the request acts for: circuit breakers are kept per account.</summary>
    public static readonly HttpRequestOptionsKey<string> AccountKey = new("Rizquna.Account");

    /// <summary>Marks the request as safe to repeat.</summary>
    public static HttpRequestMessage MarkIdempotent(this HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request is RizqunaRequestMessage typed)
        {
            typed.Idempotent = true;
        }
        else
        {
            request.Options.Set(Idempotent, true);
        }

        return request;
    }

    /// <summary>Ties the request to an account (for the per-account circuit breaker).</summary>
    public static HttpRequestMessage ForAccount(this HttpRequestMessage request, AccountRef account)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(account);
        if (request is RizqunaRequestMessage typed)
        {
            typed.Account = account.ToString();
        }
        else
        {
            request.Options.Set(AccountKey, account.ToString());
        }

        return request;
    }

    /// <summary>True when the handler may retry the request: reads, or requests marked idempotent.</summary>
    public static bool IsRetryable(this HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options)
        {
            return true;
        }

        if (request is RizqunaRequestMessage typed)
        {
            return typed.Idempotent; // its marks are fields: no options dictionary to create or search
        }

        return request.Options.TryGetValue(Idempotent, out var idempotent) && idempotent;
    }
}
