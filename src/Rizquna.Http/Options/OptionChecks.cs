namespace Rizquna.Http;

/// <summary>Small checks shared by the connectors' option validators, with messages that name the setting.</summary>
public static class OptionChecks
{
    /// <summary>Null when <paramref name="value"/> is an absolute http(s) URL, otherwise a message naming <paramref name="setting"/>.</summary>
    public static string? AbsoluteHttpUrl(Uri? value, string setting)
    {
        if (value is null)
        {
            return $"{setting} is required (an absolute http or https URL).";
        }

        return value.IsAbsoluteUri && (value.Scheme == Uri.UriSchemeHttp || value.Scheme == Uri.UriSchemeHttps)
            ? null
            : $"{setting} must be an absolute http or https URL; '{value}' is not.";
    }

    /// <summary>A base address with a trailing slash, so relative paths append instead of replacing the last segment.</summary>
    public static Uri WithTrailingSlash(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var text = baseAddress.OriginalString;
        return text.EndsWith('/') ? baseAddress : new Uri(text + "/", UriKind.Absolute);
    }
}
