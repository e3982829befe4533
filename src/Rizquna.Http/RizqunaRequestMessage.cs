namespace Rizquna.Http;

/// <summary>
/// A request whose Rizquna marks (account, idempotent) are fields rather than entries in
/// <see cref="HttpRequestMessage.Options"/>: a connector's hot path then allocates no per-request options dictionary.
/// <see cref="RizqunaHttpRequest.ForAccount"/> and <see cref="RizqunaHttpRequest.MarkIdempotent"/> write these fields
/// when given this type, and <see cref="ResilienceHandler"/> reads them. Set the marks through those methods or these
/// properties, not through <c>Options</c>: for this type the handler reads <c>Options</c> only when no account is set.
/// </summary>
public class RizqunaRequestMessage : HttpRequestMessage
{
    /// <summary>Creates a request for <paramref name="requestUri"/> (absolute, or relative to the client's base address).</summary>
    public RizqunaRequestMessage(HttpMethod method, string requestUri)
        : base(method, requestUri)
    {
    }

    /// <summary>Creates a request for <paramref name="requestUri"/>.</summary>
    public RizqunaRequestMessage(HttpMethod method, Uri requestUri)
        : base(method, requestUri)
    {
    }

    /// <summary>The account the request acts for (its circuit breaker key), or null.</summary>
    public string? Account { get; set; }

    /// <summary>True when the request is safe to repeat although its method is not a read.</summary>
    public bool Idempotent { get; set; }
}
