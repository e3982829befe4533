namespace Rizquna.Connectors.Telegram.Tests;

public sealed class FormattingTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("<script>&amp;</script>", "&lt;script&gt;&amp;amp;&lt;/script&gt;")]
    [InlineData("a & b < c > d \"q\" 'x'", "a &amp; b &lt; c &gt; d \"q\" 'x'")]
    [InlineData("😀 <", "😀 &lt;")]
    public void Escape_handles_the_three_HTML_specials(string text, string escaped)
    {
        Assert.Equal(escaped, TelegramHtml.Escape(text));
        Assert.Equal(escaped.Length, TelegramHtml.EscapedLength(text));
    }

    [Fact]
    public void Escape_returns_the_same_string_when_nothing_needs_escaping()
    {
        var text = "nothing to do";
        Assert.Same(text, TelegramHtml.Escape(text));
    }

    [Fact]
    public void A_line_longer_than_a_message_is_cut_without_breaking_an_entity_or_a_surrogate_pair()
    {
        var line = string.Concat(Enumerable.Repeat("ab&😀<", 40)); // escapes to 14 characters per 7

        var parts = ReportSplitter.Split("", line, 50);

        Assert.All(parts, p => Assert.True(p.Length <= 50));
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.All(parts, p => Assert.DoesNotMatch("&[a-z]*$", p));
        Assert.Equal(line, string.Concat(parts).Replace("&lt;", "<").Replace("&amp;", "&"));
    }

    [Fact]
    public void Whitespace_only_chunks_are_dropped()
    {
        var parts = ReportSplitter.Split("<b>T</b>", "a\n" + new string(' ', 20), 16);

        Assert.Equal(["<b>T</b>\na"], parts);
    }

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("one two three four", 16, "one two three…")]
    [InlineData("abcdefghijklmnop", 6, "abcde…")]
    public void Trim_cuts_on_a_word_with_an_ellipsis(string text, int max, string expected)
    {
        var trimmed = TextTrimmer.Trim(text, max);
        Assert.Equal(expected, trimmed);
        Assert.True(trimmed.Length <= max);
    }

    [Fact]
    public void Trim_never_splits_a_surrogate_pair()
    {
        var trimmed = TextTrimmer.Trim("aaaa😀😀😀", 6);
        Assert.Equal("aaaa…", trimmed);
    }
}
