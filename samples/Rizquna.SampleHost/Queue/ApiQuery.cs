using System.Globalization;

namespace Rizquna.SampleHost.Queue;

/// <summary>Query-string parsing shared by the list endpoints; every bad value is named, never a 500.</summary>
internal static class ApiQuery
{
    public static DateTimeOffset? Time(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        errors[name] = [$"'{value}' is not an ISO-8601 time."];
        return null;
    }

    public static int Limit(string? value, int max, Dictionary<string, string[]> errors, int fallback = 50)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Math.Min(fallback, max);
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 1 && parsed <= max)
        {
            return parsed;
        }

        errors["limit"] = [$"Must be a whole number from 1 to {max}."];
        return fallback;
    }

    /// <summary><c>channel=telegram&amp;account=001</c> or <c>channel=telegram/001</c> → <c>telegram/001</c>.</summary>
    public static string? Channel(string? channel, string? account, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(account))
        {
            return string.IsNullOrEmpty(channel) ? null : channel.Trim();
        }

        if (string.IsNullOrEmpty(channel) || channel.Contains('/', StringComparison.Ordinal))
        {
            errors["account"] = ["Give the platform in 'channel' (e.g. channel=telegram&account=001), or use channel=telegram/001 alone."];
            return null;
        }

        return channel.Trim() + "/" + account.Trim();
    }

    /// <summary>The same request with <c>cursor</c> replaced: the <c>next</c> link.</summary>
    public static string NextLink(HttpRequest request, string cursor)
    {
        var query = request.Query.Where(static q => !string.Equals(q.Key, "cursor", StringComparison.OrdinalIgnoreCase))
            .SelectMany(static q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? string.Empty)))
            .Append("cursor=" + Uri.EscapeDataString(cursor));
        return request.PathBase + request.Path + "?" + string.Join("&", query);
    }
}
