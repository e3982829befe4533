using System.Text;
using Rizquna.Content;
using Reference = Rizquna.Content.Tests.Limits.Reference;

namespace Rizquna.Content.Tests.Limits;

/// <summary>
/// The optimised counting and truncation must give exactly what the straightforward implementation gave (kept in
/// <c>Limits/Reference</c>), on generated captions and on random soups of the characters the fast paths special-case.
/// </summary>
public sealed class FastPathDifferentialTests
{
    // Characters around every fast-path edge: ASCII token triggers, CR LF, U+02FF/U+0300, marks, joiners, variation
    // selectors, skin tones, keycaps, flags, emoji from each fast-path high surrogate, a prepend, wide and narrow spaces.
    private static readonly string[] Soup =
    [
        "a", "Z", "7", "_", "-", " ", " ", " ", "#", "#", "@", ".", ":", "/", "//", "?", "&", "=", "%", "(", ")", ",", "!",
        "\r", "\n", "\r\n", "\t", "\u00a0", "\u3000", "\u02ff", "\u0300", "\u0301", "\u0323", "\u200c", "\u200d", "\ufe0f",
        "\u20e3", "é", "ß", "ı", "ά", "ж", "ا", "\u0600", "क", "ि", "ก", "ั", "日", "한", "…", "–", "—", "“", "’", "\u2028",
        "🎰", "👉", "🏽", "🇮", "🇩", "🧑", "🤖", "\U0001FAE0", "\U0001F000", "👍🏽", "1️⃣", "❤️", "👨‍👩‍👧", "\U00010400",
        "\ud83c", "\udfb0", "https://", "http://", "www.", "rizquna.id", ".com", "bit.ly/x", "#tag", "@user", "x10", "96.50",
    ];

    private static readonly string[] Ellipses = ["…", "…", "...", " (more)", "", " www.x", "more", "/…", "#x"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Counting_and_fitting_match_the_reference_on_generated_captions(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 300; round++)
        {
            AssertSame(random, GeneratedText.Create(random, random.Next(1, 50)).Text);
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Counting_and_fitting_match_the_reference_on_long_captions_with_more_tokens_than_a_fit_logs(int seed)
    {
        var random = new Random(seed);
        var many = 0;
        for (var round = 0; round < 60; round++)
        {
            var text = GeneratedText.Create(random, random.Next(100, 250)).Text;
            many += TokenCount(text) > 32 ? 1 : 0;
            AssertSame(random, text);
        }

        Assert.True(many > 20, $"only {many} captions had more than 32 tokens");
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void Counting_and_fitting_match_the_reference_on_character_soup(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 400; round++)
        {
            var text = new StringBuilder();
            var pieces = random.Next(1, 90);
            for (var i = 0; i < pieces; i++)
            {
                text.Append(Soup[random.Next(Soup.Length)]);
            }

            AssertSame(random, text.ToString());
        }
    }

    [Fact]
    public void No_character_below_U0300_extends_a_cluster()
    {
        for (var c = '\0'; c < '\u0300'; c++)
        {
            Assert.Equal(Reference.TextWeights.IsExtender([c]), TextWeights.IsExtender([c]));
            Assert.Equal(Reference.TextWeights.IsExtender([c, 'a']), TextWeights.IsExtender([c, 'a']));
        }
    }

    [Fact]
    public void The_whitespace_set_below_U0300_is_exactly_char_IsWhiteSpace()
    {
        for (var c = '\0'; c < '\u0300'; c++)
        {
            Assert.True(char.IsWhiteSpace(c) == TextLimiter.WhiteSpaceBelowU0300.Contains(c), $"U+{(int)c:X4}");
        }
    }

    [Fact]
    public void No_url_stop_character_can_be_part_of_or_extend_a_token()
    {
        for (var c = '\0'; c < '\uffff'; c++)
        {
            if (TokenScanner.UrlStop.Contains(c))
            {
                Assert.False(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '#' or '@' or ':' or '/', $"U+{(int)c:X4}");
                Assert.False(TextWeights.IsExtender([c]), $"U+{(int)c:X4}");
            }
        }
    }

    private static void AssertSame(Random random, string text)
    {
        if (TextWeights.IsTriviallyNfc(text))
        {
            Assert.True(text.IsNormalized(NormalizationForm.FormC), $"not NFC: {Escape(text)}");
        }

        foreach (var rule in Enum.GetValues<TextCountingRule>())
        {
            var context = $"rule {rule}, text «{text}» ({Escape(text)})";
            var (expectedCount, expectedError) = Run(() => Reference.TextCounter.Count(text, rule));
            var (actualCount, actualError) = Run(() => TextCounter.Count(text, rule));
            Assert.True(expectedError == actualError, $"error differs: {expectedError} vs {actualError}, {context}");
            Assert.True(expectedCount == actualCount, "count differs: " + context);
            if (expectedError is not null)
            {
                // Lone surrogates: X's NFC step rejects them, before and after.
                Assert.Equal(expectedError, Run(() => TextLimiter.Fit(text, 10, rule)).Error);
                continue;
            }

            var limit = random.Next(0, expectedCount + 3);
            int? maxHashtags = random.Next(3) == 0 ? random.Next(0, 4) : null;
            var ellipsis = Ellipses[random.Next(Ellipses.Length)];
            var expected = Reference.TextLimiter.Fit(text, limit, rule, maxHashtags, ellipsis);
            var actual = TextLimiter.Fit(text, limit, rule, maxHashtags, ellipsis);

            context += $", limit {limit}, hashtags {maxHashtags}, ellipsis «{ellipsis}»";
            Assert.True(expected.Text == actual.Text, $"text differs: «{expected.Text}» vs «{actual.Text}», {context}");
            Assert.True(expected.Count == actual.Count, $"count differs: {expected.Count} vs {actual.Count}, {context}");
            Assert.True(expected.OriginalCount == actual.OriginalCount, "original count differs: " + context);
            Assert.True(expected.Truncated == actual.Truncated, "truncated differs: " + context);
            Assert.True(expected.CutText == actual.CutText, "cut text differs: " + context);
            Assert.Equal(expected.DroppedHashtags, actual.DroppedHashtags);
        }
    }

    private static int TokenCount(string text)
    {
        var (count, from) = (0, 0);
        while (TokenScanner.TryFindNext(text, from, out var token))
        {
            (count, from) = (count + 1, token.End);
        }

        return count;
    }

    private static (T? Value, Type? Error) Run<T>(Func<T> action)
    {
        try
        {
            return (action(), null);
        }
        catch (ArgumentException exception)
        {
            return (default, exception.GetType());
        }
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c < 128 && !char.IsControl(c) ? c.ToString() : $"\\u{(int)c:x4}"));
}
