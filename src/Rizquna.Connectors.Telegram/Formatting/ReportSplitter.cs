using System.Buffers;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// Splits a report into Telegram messages of at most a given length, on line boundaries, escaping the plain text for
/// HTML parse mode. The limit is applied to the escaped text (the stricter reading), so every message is accepted.
/// A line longer than a whole message is cut, never inside an entity or a surrogate pair.
/// </summary>
/// <remarks>
/// The body is escaped once as a whole (vectorised counts, one copy) and then cut at the last newline that fits:
/// per-line escaping was several times slower on a 50 KB report.
/// </remarks>
internal static class ReportSplitter
{
    /// <param name="headerHtml">Markup for the top of the first message (already escaped), or empty.</param>
    /// <param name="body">The plain-text body.</param>
    /// <param name="maxLength">Longest message.</param>
    public static List<string> Split(string headerHtml, string body, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 16);
        var header = headerHtml.Length > maxLength - 2 ? headerHtml[..(maxLength / 2)] : headerHtml;
        // Escaped into a pooled buffer: a 50 KB report escaped as a string would land on the large-object heap every time.
        var length = TelegramHtml.EscapedLength(body);
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(length, 1));
        try
        {
            TelegramHtml.EscapeInto(body, buffer);
            return Cut(header, buffer.AsSpan(0, length), maxLength);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static List<string> Cut(string header, ReadOnlySpan<char> escaped, int maxLength)
    {
        var messages = new List<string>(escaped.Length / maxLength + 2);
        var rest = escaped;
        var first = true;
        while (true)
        {
            // The first message carries the header and a newline after it.
            var budget = first && header.Length > 0 ? maxLength - header.Length - 1 : maxLength;
            int take, skip;
            if (rest.Length <= budget)
            {
                take = rest.Length;
                skip = rest.Length;
            }
            else
            {
                var newline = rest[..(budget + 1)].LastIndexOf('\n'); // a newline right at the limit is still a clean cut
                if (newline >= 0)
                {
                    take = newline;
                    skip = newline + 1;
                }
                else
                {
                    take = SafeCut(rest, budget);
                    skip = take;
                }
            }

            var piece = rest[..take];
            if (first && header.Length > 0)
            {
                messages.Add(piece.IsWhiteSpace() ? header : string.Concat(header, "\n", piece));
            }
            else if (!piece.IsWhiteSpace())
            {
                // Telegram refuses a message that is empty after trimming whitespace.
                messages.Add(piece.ToString());
            }

            first = false;
            rest = rest[skip..];
            if (rest.IsEmpty)
            {
                return messages;
            }
        }
    }

    /// <summary>A cut at or before <paramref name="budget"/> that splits neither an entity (<c>&amp;lt;</c>) nor a surrogate pair.</summary>
    private static int SafeCut(ReadOnlySpan<char> text, int budget)
    {
        var cut = budget;
        // An entity is at most 5 characters ("&amp;"): an '&' in the last 4 without its ';' before the cut would be split.
        var window = text[Math.Max(0, cut - 4)..cut];
        var amp = window.LastIndexOf('&');
        if (amp >= 0 && window[amp..].IndexOf(';') < 0)
        {
            cut = Math.Max(0, cut - 4) + amp;
        }

        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return Math.Max(cut, 1);
    }
}
