using System.Net.Http;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Rizquna.Http;

/// <summary>
/// Turns a failure to get any response (timeout, connection error, open circuit) into a <see cref="PlatformException"/>.
/// The rule that keeps posts from being duplicated lives here: once a content-creating request may have reached the
/// platform, its failure is <see cref="PlatformErrorKind.OutcomeUnknown"/>, never plain transient.
/// </summary>
public static class TransportFailure
{
    /// <summary>
    /// Maps <paramref name="exception"/> to a <see cref="PlatformException"/>, or returns null when it is not a transport
    /// failure (including the caller's own cancellation, which must propagate as is).
    /// </summary>
    /// <param name="platform">The platform called.</param>
    /// <param name="exception">What the HTTP call threw.</param>
    /// <param name="createsContent">Whether the request creates content (a publish, a reply, an upload init).</param>
    /// <param name="callerToken">The caller's token: its cancellation is not a failure.</param>
    public static PlatformException? Map(PlatformId platform, Exception exception, bool createsContent, CancellationToken callerToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (callerToken.IsCancellationRequested)
        {
            return null;
        }

        switch (exception)
        {
            case BrokenCircuitException broken:
                // Rejected before sending: safe to retry later.
                return new PlatformException(platform, PlatformErrorKind.Transient,
                    $"{platform}: calls for this account are paused by the circuit breaker after repeated failures.", broken)
                {
                    RetryAfter = broken.RetryAfter,
                };

            case HttpRequestException http when http.HttpRequestError is HttpRequestError.NameResolutionError
                or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError:
                // The connection was never made: nothing reached the platform.
                return new PlatformException(platform, PlatformErrorKind.Transient,
                    $"{platform}: could not connect ({http.HttpRequestError}).", http);

            case HttpRequestException or TimeoutRejectedException or TaskCanceledException or IOException:
                var kind = createsContent ? PlatformErrorKind.OutcomeUnknown : PlatformErrorKind.Transient;
                var what = exception is HttpRequestException or IOException ? "the connection failed" : "the call timed out";
                return new PlatformException(platform, kind, createsContent
                    ? $"{platform}: {what} after the request was sent; the outcome is unknown and must be reconciled before any retry."
                    : $"{platform}: {what}.", exception);

            default:
                return null;
        }
    }

    /// <summary>
    /// The kind for an HTTP 5xx on a request: for a content-creating call the platform may have acted, so the outcome is unknown.
    /// </summary>
    public static PlatformErrorKind KindForServerError(bool createsContent) =>
        createsContent ? PlatformErrorKind.OutcomeUnknown : PlatformErrorKind.Transient;
}
