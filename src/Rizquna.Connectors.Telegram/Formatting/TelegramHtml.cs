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
        if (text.AsSpan().IndexOfAny(Special) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(EscapedLength(text));
        AppendEscaped(builder, text);
        return builder.ToString();
    }

    /// <summary>The length of <paramref name="text"/> once escaped.</summary>
    public static int EscapedLength(ReadOnlySpan<char> text)
    {
        var length = text.Length;
        var rest = text;
        int at;
        while ((at = rest.IndexOfAny(Special)) >= 0)
        {
            length += rest[at] == '&' ? 4 : 3; // "&amp;" adds 4, "&lt;" and "&gt;" add 3
            rest = rest[(at + 1)..];
        }

        return length;
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
