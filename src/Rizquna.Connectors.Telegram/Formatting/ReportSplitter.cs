using System.Text;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// Splits a report into Telegram messages of at most a given length, on line boundaries, escaping the plain text for
/// HTML parse mode. The limit is applied to the escaped text (the stricter reading), so every message is accepted.
/// A line longer than a whole message is cut, never inside an entity or a surrogate pair.
/// </summary>
internal static class ReportSplitter
{
    /// <param name="headerHtml">Markup for the top of the first message (already escaped), or empty.</param>
    /// <param name="body">The plain-text body.</param>
    /// <param name="maxLength">Longest message.</param>
    public static List<string> Split(string headerHtml, string body, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 16);
        var messages = new List<string>();
        var current = new StringBuilder(Math.Min(maxLength, headerHtml.Length + TelegramHtml.EscapedLength(body) + 1));
        current.Append(headerHtml.Length > maxLength ? headerHtml[..maxLength] : headerHtml);

        var rest = body.AsSpan();
        while (true)
        {
            var newline = rest.IndexOf('\n');
            var line = newline >= 0 ? rest[..newline] : rest;
            if (line.Length > 0 && line[^1] == '\r')
            {
                line = line[..^1];
            }

            AppendLine(messages, current, line, maxLength);
            if (newline < 0)
            {
                break;
            }

            rest = rest[(newline + 1)..];
        }

        Flush(messages, current);
        return messages;
    }

    private static void AppendLine(List<string> messages, StringBuilder current, ReadOnlySpan<char> line, int maxLength)
    {
        var escapedLength = TelegramHtml.EscapedLength(line);
        var separator = current.Length > 0 ? 1 : 0;
        if (current.Length + separator + escapedLength <= maxLength)
        {
            if (separator == 1)
            {
                current.Append('\n');
            }

            TelegramHtml.AppendEscaped(current, line);
            return;
        }

        Flush(messages, current);
        if (escapedLength <= maxLength)
        {
            TelegramHtml.AppendEscaped(current, line);
            return;
        }

        // A line longer than a message: cut it into pieces whose escaped form fits.
        while (!line.IsEmpty)
        {
            var take = FittingPrefix(line, maxLength);
            TelegramHtml.AppendEscaped(current, line[..take]);
            line = line[take..];
            if (!line.IsEmpty)
            {
                Flush(messages, current);
            }
        }
    }

    /// <summary>How many characters of <paramref name="line"/> fit in <paramref name="maxLength"/> once escaped.</summary>
    private static int FittingPrefix(ReadOnlySpan<char> line, int maxLength)
    {
        var used = 0;
        var i = 0;
        while (i < line.Length)
        {
            var cost = line[i] switch { '&' => 5, '<' or '>' => 4, _ => 1 };
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]) ? 2 : 1;
            if (used + cost + (width - 1) > maxLength)
            {
                break;
            }

            used += cost + (width - 1);
            i += width;
        }

        return Math.Max(i, 1);
    }

    private static void Flush(List<string> messages, StringBuilder current)
    {
        // Telegram refuses a message that is empty after trimming whitespace.
        if (current.Length > 0 && !IsWhiteSpace(current))
        {
            messages.Add(current.ToString());
        }

        current.Clear();
    }

    private static bool IsWhiteSpace(StringBuilder builder)
    {
        foreach (var chunk in builder.GetChunks())
        {
            if (!chunk.Span.IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }
}
