using System.Buffers;

namespace Rizquna.Content;

/// <summary>
/// Recognises, without <see cref="Uri"/>, the links <see cref="Uri.TryCreate(string, UriKind, out Uri)"/> certainly
/// accepts as absolute http(s) and that need no escaping: a lower- or upper-case http/https scheme, a DNS host name whose
/// last label starts with a letter, an optional numeric port, and printable ASCII after it. Anything else (IP literals,
/// user info, odd hosts, spaces, non-ASCII, malformed %XX) returns false and the caller asks <see cref="Uri"/>, so a
/// false here never changes behaviour; a true must only ever be given where <see cref="Uri"/> agrees (checked by a
/// differential test).
/// </summary>
internal static class UrlFastCheck
{
    // Printable ASCII that Uri keeps as is in http paths, queries and fragments. Not here: space, " < > \ ^ ` { | } (Uri
    // escapes or rewrites them), '[' ']' (IP literals) and '%' (checked separately: it must start a %XX escape).
    private static readonly SearchValues<char> PathChars =
        SearchValues.Create("!#$&'()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");

    private static readonly SearchValues<char> AuthorityEnd = SearchValues.Create("/?#");

    /// <summary>True when <paramref name="url"/> is certainly a valid absolute http(s) URL that needs no escaping.</summary>
    public static bool IsSimpleHttpUrl(ReadOnlySpan<char> url)
    {
        int schemeLength;
        if (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            schemeLength = 8;
        }
        else if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            schemeLength = 7;
        }
        else
        {
            return false;
        }

        if (url.Length > 2048)
        {
            return false;
        }

        var rest = url[schemeLength..];
        var end = rest.IndexOfAny(AuthorityEnd);
        var authority = end < 0 ? rest : rest[..end];
        return IsHostAndPort(authority) && IsPathQueryFragment(end < 0 ? [] : rest[end..]);
    }

    private static bool IsHostAndPort(ReadOnlySpan<char> authority)
    {
        var colon = authority.IndexOf(':');
        var host = colon < 0 ? authority : authority[..colon];
        if (colon >= 0)
        {
            var port = authority[(colon + 1)..];
            if (port.IsEmpty || port.Length > 5 || port.ContainsAnyExceptInRange('0', '9') || int.Parse(port) > 65535)
            {
                return false;
            }
        }

        if (host.IsEmpty || host.Length > 253)
        {
            return false;
        }

        // Labels of letters, digits and inner hyphens, 1–63 long; the last one starts with a letter, so it is never an
        // IPv4 address in any of the forms Uri parses (dotted, hex, octal).
        while (true)
        {
            var dot = host.IndexOf('.');
            var label = dot < 0 ? host : host[..dot];
            if (label.IsEmpty || label.Length > 63 || label[0] == '-' || label[^1] == '-'
                || label.ContainsAnyExcept(HostLabelChars))
            {
                return false;
            }

            if (dot < 0)
            {
                return char.IsAsciiLetter(label[0]);
            }

            host = host[(dot + 1)..];
        }
    }

    private static readonly SearchValues<char> HostLabelChars =
        SearchValues.Create("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static bool IsPathQueryFragment(ReadOnlySpan<char> rest)
    {
        while (true)
        {
            var other = rest.IndexOfAnyExcept(PathChars);
            if (other < 0)
            {
                return true;
            }

            if (rest[other] != '%' || other + 2 >= rest.Length
                || !char.IsAsciiHexDigit(rest[other + 1]) || !char.IsAsciiHexDigit(rest[other + 2]))
            {
                return false;
            }

            rest = rest[(other + 3)..];
        }
    }
}
