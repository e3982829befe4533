using Rizquna.Content;

namespace Rizquna.Content.Tests.Limits;

public sealed class TextCounterTests
{
    [Theory]
    [InlineData("hello", 5, 5, 5)]
    [InlineData("👍", 2, 1, 2)]
    [InlineData("👨‍👩‍👧", 8, 1, 2)]          // ZWJ family: one grapheme, one emoji
    [InlineData("🇮🇩", 4, 1, 2)]             // flag: two regional indicators
    [InlineData("👍🏽", 4, 1, 2)]             // skin tone
    [InlineData("1️⃣", 3, 1, 2)]            // keycap
    [InlineData("q\u0301", 2, 1, 2)]        // combining mark, no precomposed form: 2 code points of weight 1
    [InlineData("こんにちは", 5, 5, 10)]       // CJK weighs 2 on X
    [InlineData("Selamat pagi", 12, 12, 12)]
    [InlineData("“quotes” – dash", 15, 15, 15)] // U+201C/D and U+2013 are in X's weight-1 ranges
    [InlineData("…", 1, 1, 2)]              // U+2026 is not
    public void Counts_by_rule(string text, int utf16, int graphemes, int x)
    {
        Assert.Equal(utf16, TextCounter.Count(text, TextCountingRule.Utf16CodeUnits));
        Assert.Equal(graphemes, TextCounter.Count(text, TextCountingRule.Graphemes));
        Assert.Equal(x, TextCounter.Count(text, TextCountingRule.XWeighted));
    }

    [Theory]
    [InlineData("https://rizquna.id/promo?utm_source=x&utm_medium=social&utm_campaign=rtp-daily")]
    [InlineData("http://a.co")]
    [InlineData("www.rizquna.id/a/b/c/d/e/f/g/h/i")]
    [InlineData("rizquna.id/promo/sangat/panjang/sekali")]
    public void X_counts_any_url_as_23(string url)
    {
        Assert.Equal(23, TextCounter.Count(url, TextCountingRule.XWeighted));
        Assert.Equal(5 + 23 + 1, TextCounter.Count($"Link {url}.", TextCountingRule.XWeighted));
    }

    [Fact]
    public void X_counts_decomposed_text_after_nfc()
    {
        Assert.Equal(4, TextCounter.Count("cafe\u0301", TextCountingRule.XWeighted));
    }
}
