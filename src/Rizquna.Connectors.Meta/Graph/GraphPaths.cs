using System.Globalization;

namespace Rizquna.Connectors.Meta.Graph;

/// <summary>Small helpers for Graph paths, query values and times.</summary>
internal static class GraphPaths
{
    /// <summary>Escapes a value for a query string or path segment.</summary>
    public static string Escape(string value) => Uri.EscapeDataString(value);

    /// <summary>Unix seconds, as Graph's <c>since</c>, <c>until</c> and <c>scheduled_publish_time</c> take them.</summary>
    public static long UnixSeconds(DateTimeOffset instant) => instant.ToUnixTimeSeconds();

    /// <summary>Parses Graph's times (<c>2024-05-01T10:00:00+0000</c>, ISO 8601) or returns null.</summary>
    public static DateTimeOffset? ParseTime(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:sszzzz", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact)
            || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out exact)
            ? exact.ToUniversalTime()
            : null;
    }

    /// <summary>Unix seconds or milliseconds (webhooks use both) to an instant.</summary>
    public static DateTimeOffset FromUnix(long value) =>
        value > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);

    /// <summary>An absolute URL, or null when the text is not one.</summary>
    public static Uri? ToUri(string? value) =>
        value is not null && Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;
}
