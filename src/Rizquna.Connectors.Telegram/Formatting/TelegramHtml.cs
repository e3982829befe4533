using System.Buffers;
using System.Text;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// Escaping for Telegram's HTML parse mode: <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> become entities, so text we did not
/// write can never open a tag or an entity. Markup the connector generates (<c>&lt;b&gt;</c> titles) is added around escaped text.
/// </summary>
public static class TelegramHtml
{
    private static readonly SearchValues<char> Special = SearchValues.Create("<>&");

    /// <summary>The text with <c>&lt; &gt; &amp;</c> escaped; the same instance when nothing needs escaping.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = EscapedLength(text);
        if (length == text.Length)
        {
            return text;
        }

        return string.Create(length, text, static (destination, source) => EscapeInto(source, destination));
    }

    /// <summary>The length of <paramref name="text"/> once escaped.</summary>
    public static int EscapedLength(ReadOnlySpan<char> text) =>
        // Vectorised counts: "&amp;" adds 4 characters, "&lt;" and "&gt;" add 3.
        text.Length + (4 * text.Count('&')) + (3 * (text.Count('<') + text.Count('>')));

    /// <summary>Writes <paramref name="source"/> escaped into <paramref name="destination"/>, which must hold <see cref="EscapedLength"/> characters.</summary>
    internal static void EscapeInto(ReadOnlySpan<char> source, Span<char> destination)
    {
        int at;
        while ((at = source.IndexOfAny(Special)) >= 0)
        {
            source[..at].CopyTo(destination);
            destination = destination[at..];
            var entity = source[at] switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                _ => "&amp;",
            };
            entity.CopyTo(destination);
            destination = destination[entity.Length..];
            source = source[(at + 1)..];
        }

        source.CopyTo(destination);
    }

    /// <summary>Appends <paramref name="text"/> escaped.</summary>
    public static StringBuilder AppendEscaped(StringBuilder builder, ReadOnlySpan<char> text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var rest = text;
        int at;
        while ((at = rest.IndexOfAny(Special)) >= 0)
        {
            builder.Append(rest[..at]);
            builder.Append(rest[at] switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                _ => "&amp;",
            });
            rest = rest[(at + 1)..];
        }

        return builder.Append(rest);
    }
}
