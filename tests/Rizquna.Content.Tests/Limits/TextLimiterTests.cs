using Rizquna.Content;

namespace Rizquna.Content.Tests.Limits;

public sealed class TextLimiterTests
{
    [Fact]
    public void Text_within_the_limit_is_unchanged()
    {
        var fit = TextLimiter.Fit("Gates of Olympus RTP 96%", 100, TextCountingRule.Utf16CodeUnits);

        Assert.Equal("Gates of Olympus RTP 96%", fit.Text);
        Assert.False(fit.Changed);
        Assert.Equal(24, fit.Count);
        Assert.Equal(24, fit.OriginalCount);
        Assert.Equal("", fit.CutText);
    }

    [Fact]
    public void Cuts_at_the_last_word_boundary_and_appends_an_ellipsis()
    {
        var fit = TextLimiter.Fit("The quick brown fox jumps", 12, TextCountingRule.Utf16CodeUnits);

        Assert.Equal("The quick…", fit.Text);
        Assert.True(fit.Truncated);
        Assert.Equal("brown fox jumps", fit.CutText);
        Assert.Equal(10, fit.Count);
        Assert.Equal(25, fit.OriginalCount);
    }

    [Fact]
    public void Exactly_at_the_limit_is_not_cut()
    {
        var fit = TextLimiter.Fit("12345", 5, TextCountingRule.Utf16CodeUnits);

        Assert.Equal("12345", fit.Text);
        Assert.False(fit.Truncated);
    }

    [Fact]
    public void Drops_trailing_punctuation_before_the_ellipsis()
    {
        var fit = TextLimiter.Fit("Jam gacor: 13:00 - 15:00, besok lagi", 18, TextCountingRule.Utf16CodeUnits);

        Assert.Equal("Jam gacor: 13:00…", fit.Text);
    }

    [Fact]
    public void Never_cuts_inside_a_url_and_reports_it_cut()
    {
        var text = "Main sekarang https://rizquna.id/promo?utm_source=x";
        var fit = TextLimiter.Fit(text, 30, TextCountingRule.Utf16CodeUnits);

        Assert.Equal("Main sekarang…", fit.Text);
        Assert.Equal("https://rizquna.id/promo?utm_source=x", fit.CutText);
    }

    [Fact]
    public void X_weighted_keeps_a_long_url_that_counts_23()
    {
        var url = "https://rizquna.id/" + new string('a', 200);
        var text = url + " " + string.Join(' ', Enumerable.Repeat("kata", 100));
        var fit = TextLimiter.Fit(text, 280, TextCountingRule.XWeighted);

        Assert.StartsWith(url + " kata", fit.Text);
        Assert.EndsWith("kata…", fit.Text);
        Assert.True(fit.Count <= 280);
        Assert.Equal(fit.Count, TextCounter.Count(fit.Text, TextCountingRule.XWeighted));
    }

    [Fact]
    public void Never_cuts_inside_a_hashtag()
    {
        var fit = TextLimiter.Fit("RTP hari ini #GatesOfOlympus", 20, TextCountingRule.Utf16CodeUnits);

        Assert.Equal("RTP hari ini…", fit.Text);
    }

    [Fact]
    public void Never_splits_a_zwj_emoji_or_a_flag()
    {
        var family = "👨‍👩‍👧‍👦";
        var text = "Halo" + family + family + "🇮🇩🇮🇩";
        for (var limit = 1; limit < text.Length; limit++)
        {
            var fit = TextLimiter.Fit(text, limit, TextCountingRule.Utf16CodeUnits);
            Assert.True(fit.Text.Length <= limit);
            var kept = fit.Text.TrimEnd('…');
            // Only grapheme boundaries: after a letter of "Halo", after a whole family, after a whole flag.
            Assert.Contains(kept.Length, new[] { 0, 1, 2, 3, 4, 4 + family.Length, 4 + 2 * family.Length, 4 + 2 * family.Length + 4 });
        }
    }

    [Fact]
    public void Thai_without_spaces_is_cut_at_a_grapheme_not_dropped()
    {
        var text = "ราคาพิเศษวันนี้เท่านั้นรีบสั่งเลย"; // contains combining vowels and tone marks
        var fit = TextLimiter.Fit(text, 10, TextCountingRule.Graphemes);

        Assert.True(fit.Count <= 10);
        Assert.True(fit.Text.Length > 5);
        Assert.StartsWith(fit.Text.TrimEnd('…'), text, StringComparison.Ordinal);
        Assert.Contains(fit.Text.Length - 1, GraphemeBoundaries(text));
    }

    [Fact]
    public void Drops_extra_hashtags_from_the_end()
    {
        var fit = TextLimiter.Fit("Promo hari ini #slot #rtp #gacor\n#maxwin #jackpot", 500, TextCountingRule.Utf16CodeUnits, maxHashtags: 3);

        Assert.Equal("Promo hari ini #slot #rtp #gacor", fit.Text);
        Assert.Equal(new[] { "#maxwin", "#jackpot" }, fit.DroppedHashtags);
        Assert.False(fit.Truncated);
        Assert.True(fit.Changed);
    }

    [Fact]
    public void A_hash_inside_a_url_is_not_a_hashtag()
    {
        var fit = TextLimiter.Fit("Lihat https://rizquna.id/#promo #a #b", 500, TextCountingRule.Utf16CodeUnits, maxHashtags: 1);

        Assert.Equal("Lihat https://rizquna.id/#promo #a", fit.Text);
        Assert.Equal(new[] { "#b" }, fit.DroppedHashtags);
    }

    [Fact]
    public void Uses_the_platform_limit_with_or_without_media()
    {
        var text = string.Join(' ', Enumerable.Repeat("kata", 300)); // 1499 units
        Assert.False(TextLimiter.Fit(text, KnownPlatformLimits.Telegram, hasMedia: false).Truncated);
        var caption = TextLimiter.Fit(text, KnownPlatformLimits.Telegram, hasMedia: true);
        Assert.True(caption.Truncated);
        Assert.True(caption.Count <= 1024);
        Assert.Equal(1024, caption.Limit);
    }

    [Fact]
    public void A_limit_below_the_ellipsis_gives_an_empty_text()
    {
        var fit = TextLimiter.Fit("こんにちは", 1, TextCountingRule.XWeighted);

        Assert.Equal("", fit.Text);
        Assert.True(fit.Truncated);
        Assert.Equal("こんにちは", fit.CutText);
    }

    internal static HashSet<int> GraphemeBoundaries(string text)
    {
        var set = new HashSet<int>(System.Globalization.StringInfo.ParseCombiningCharacters(text)) { text.Length };
        return set;
    }
}
