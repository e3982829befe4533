using System.Net;

namespace Rizquna.Http;

/// <summary>Reads how long a response asks the caller to wait.</summary>
public static class RetryAfterReader
{
    /// <summary>The <c>Retry-After</c> header as a delay from <paramref name="now"/> (delta seconds or an HTTP date), or null.</summary>
    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Whether a status means "try again later" (408, 429, 5xx).</summary>
    public static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
