using System.Buffers;
using System.Globalization;
using System.Text;

namespace Rizquna.Content;

/// <summary>
/// Finds URLs, hashtags and @mentions without regular expressions or allocation. URLs are what X counts as 23: anything
/// starting with <c>http://</c>, <c>https://</c> or <c>www.</c>, and bare domains with a common top-level domain
/// (<c>rizquna.id/promo</c>). Over-detecting a URL is safe (it is counted longer and never cut); missing one is not.
/// </summary>
internal static class TokenScanner
{
    // Every token has one of these: hashtags '#', mentions '@', scheme URLs "://", and www./bare domains a '.'.
    private static readonly SearchValues<char> Triggers = SearchValues.Create("#@.:");
    /// <summary>
    /// Characters that end a URL. None of them can be part of, or extend, any token, so the tokens before one of them
    /// do not depend on anything after it.
    /// </summary>
    internal static readonly SearchValues<char> UrlStop = SearchValues.Create(" \t\r\n\f\v<>\"`{}|\\^\u00a0\u3000“”‘’「」");
    private static readonly SearchValues<char> TrailingPunctuation = SearchValues.Create(".,:;!?'\")]}…*");

    // Common and gaming-adjacent TLDs for bare domains; a link with a scheme is always found.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Tlds = new HashSet<string>(
    [
        "com", "net", "org", "id", "io", "co", "me", "ly", "gg", "app", "dev", "ai", "xyz", "info", "biz", "link", "site",
        "online", "store", "shop", "live", "tv", "to", "us", "uk", "sg", "my", "ph", "th", "vn", "jp", "de", "in", "vip",
        "bet", "club", "win", "fun", "pro", "top", "asia", "games", "game", "page", "cc", "ws", "click", "icu", "one",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The first protected token starting at or after <paramref name="from"/>. Its end is extended over marks or joiners
    /// that would attach to its last character, so that it always ends on a grapheme cluster boundary.
    /// </summary>
    public static bool TryFindNext(ReadOnlySpan<char> text, int from, out Token token)
    {
        var i = from;
        while (i < text.Length)
        {
            var next = text[i..].IndexOfAny(Triggers);
            if (next < 0)
            {
                break;
            }

            i += next;
            int start = i, length;
            switch (text[i])
            {
                case '#':
                    length = Hashtag(text, i);
                    break;
                case '@':
                    length = Mention(text, i);
                    break;
                case ':':
                    // "http://" or "https://": the URL starts at the scheme, before the colon.
                    start = SchemeStart(text, from, i);
                    length = start >= 0 ? Url(text, start) : 0;
                    break;
                default:
                    // "www.x" or "rizquna.id/…": the URL starts at the host label before the first dot.
                    start = i;
                    while (start > from && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] == '-'))
                    {
                        start--;
                    }

                    length = start < i ? Url(text, start) : 0;
                    break;
            }

            if (length > 0)
            {
                var end = start + length;
                while (end < text.Length && TextWeights.IsExtender(text[end..]))
                {
                    end += char.IsHighSurrogate(text[end]) ? 2 : 1;
                }

                var kind = text[i] switch { '#' => TokenKind.Hashtag, '@' => TokenKind.Mention, _ => TokenKind.Url };
                token = new Token(start, end - start, kind);
                return true;
            }

            i++;
        }

        token = default;
        return false;
    }

    private static int SchemeStart(ReadOnlySpan<char> text, int from, int colon)
    {
        if (!text[(colon + 1)..].StartsWith("//", StringComparison.Ordinal))
        {
            return -1;
        }

        foreach (var scheme in (ReadOnlySpan<int>)[5, 4])
        {
            var start = colon - scheme;
            if (start >= from && text[start..colon].Equals(scheme == 5 ? "https" : "http", StringComparison.OrdinalIgnoreCase))
            {
                return start;
            }
        }

        return -1;
    }

    /// <summary>How many hashtags <paramref name="text"/> has (hashes inside URLs do not count).</summary>
    public static int CountHashtags(ReadOnlySpan<char> text)
    {
        if (!text.Contains('#'))
        {
            return 0;
        }

        var count = 0;
        var from = 0;
        while (TryFindNext(text, from, out var token))
        {
            if (token.Kind == TokenKind.Hashtag)
            {
                count++;
            }

            from = token.End;
        }

        return count;
    }

    private static bool IsWordChar(ReadOnlySpan<char> text, int index)
    {
        if (index < 0)
        {
            return false;
        }

        var c = text[index];
        if (char.IsAscii(c))
        {
            return char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        if (char.IsLowSurrogate(c) && index > 0)
        {
            return Rune.TryCreate(text[index - 1], c, out var rune) && (Rune.IsLetterOrDigit(rune) || IsMark(rune));
        }

        return char.IsLetterOrDigit(c) || c == '_' || IsMark(new Rune(char.IsSurrogate(c) ? ' ' : c));
    }

    private static bool IsMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static int Hashtag(ReadOnlySpan<char> text, int start)
    {
        if (IsWordChar(text, start - 1) || (start > 0 && text[start - 1] is '&' or '#'))
        {
            return 0;
        }

        var i = start + 1;
        while (i < text.Length)
        {
            // ASCII: letters, digits and '_' continue the tag, anything else ends it.
            var c = text[i];
            if (char.IsAscii(c))
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '_')
                {
                    break;
                }

                i++;
                continue;
            }

            if (Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed) != OperationStatus.Done)
            {
                break;
            }

            // Letters, digits, marks, '_' and the joiners some scripts need inside a word.
            if (!(Rune.IsLetterOrDigit(rune) || IsMark(rune) || rune.Value is '_' or 0x200C or 0x200D))
            {
                break;
            }

            i += consumed;
        }

        return i > start + 1 ? i - start : 0;
    }

    private static int Mention(ReadOnlySpan<char> text, int start)
    {
        if (IsWordChar(text, start - 1))
        {
            return 0;
        }

        var i = start + 1;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.'))
        {
            i++;
        }

        while (i > start + 1 && text[i - 1] == '.')
        {
            i--;
        }

        return i > start + 1 ? i - start : 0;
    }

    private static int Url(ReadOnlySpan<char> text, int start)
    {
        if (IsWordChar(text, start - 1) || (start > 0 && text[start - 1] is '.' or '-' or '@' or '/'))
        {
            return 0;
        }

        var rest = text[start..];
        var hasPrefix = rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

        var stop = rest.IndexOfAny(UrlStop);
        var candidate = stop < 0 ? rest : rest[..stop];
        candidate = TrimTrailing(candidate);
        if (hasPrefix)
        {
            var minimum = rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? 5 : 9;
            return candidate.Length >= minimum ? candidate.Length : 0;
        }

        return IsBareDomain(candidate) ? candidate.Length : 0;
    }

    private static ReadOnlySpan<char> TrimTrailing(ReadOnlySpan<char> url)
    {
        while (!url.IsEmpty && TrailingPunctuation.Contains(url[^1]))
        {
            // Keep a closing parenthesis that closes one inside the URL (Wikipedia links).
            if (url[^1] == ')' && url.Count('(') >= url.Count(')'))
            {
                break;
            }

            url = url[..^1];
        }

        return url;
    }

    private static bool IsBareDomain(ReadOnlySpan<char> candidate)
    {
        var slash = candidate.IndexOfAny('/', '?', '#');
        var host = slash < 0 ? candidate : candidate[..slash];
        var colon = host.IndexOf(':');
        if (colon >= 0)
        {
            host = host[..colon];
        }

        var lastDot = host.LastIndexOf('.');
        if (lastDot <= 0 || lastDot == host.Length - 1)
        {
            return false;
        }

        foreach (var c in host)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '.' and not '-')
            {
                return false;
            }
        }

        if (host.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        return Tlds.Contains(host[(lastDot + 1)..]);
    }
}
