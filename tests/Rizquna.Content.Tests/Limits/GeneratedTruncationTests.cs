using System.Globalization;
using Rizquna.Content;

namespace Rizquna.Content.Tests.Limits;

/// <summary>Truncation over generated captions: mixed scripts, emoji sequences, URLs and hashtags at every boundary.</summary>
public sealed class GeneratedTruncationTests
{
    public static TheoryData<TextCountingRule, int> Cases()
    {
        var data = new TheoryData<TextCountingRule, int>();
        foreach (var rule in Enum.GetValues<TextCountingRule>())
        {
            foreach (var seed in new[] { 1, 2, 3, 4 })
            {
                data.Add(rule, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Never_over_the_limit_never_a_broken_grapheme_url_or_hashtag(TextCountingRule rule, int seed)
    {
        var random = new Random(seed);
        var truncated = 0;
        for (var round = 0; round < 250; round++)
        {
            var generated = GeneratedText.Create(random, random.Next(1, 40));
            var input = generated.Text;
            var total = TextCounter.Count(input, rule);
            var limit = random.Next(1, total + 5);

            var fit = TextLimiter.Fit(input, limit, rule);

            var context = $"rule {rule}, limit {limit}, input «{input}» → «{fit.Text}»";
            Assert.True(fit.Count <= limit, context);
            Assert.Equal(TextCounter.Count(fit.Text, rule), fit.Count);
            Assert.Equal(total, fit.OriginalCount);
            if (!fit.Truncated)
            {
                Assert.True(total <= limit, context);
                Assert.Equal(input, fit.Text);
                continue;
            }

            Assert.True(total > limit, context);
            Assert.True(fit.Text.Length == 0 || fit.Text.EndsWith('…'), context);
            var kept = fit.Text.Length == 0 ? "" : fit.Text[..^1];
            Assert.StartsWith(kept, input, StringComparison.Ordinal);
            Assert.True(IsGraphemeBoundary(input, kept.Length), "cut inside a grapheme cluster: " + context);
            foreach (var (start, end, kind) in generated.Tokens)
            {
                Assert.False(start < kept.Length && kept.Length < end, $"cut inside a {kind}: {context}");
            }

            Assert.NotEmpty(fit.CutText);
            Assert.EndsWith(fit.CutText, input, StringComparison.Ordinal);
            truncated++;
        }

        Assert.True(truncated > 150, $"only {truncated} of 250 inputs were cut: the generator no longer exercises truncation");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Latin_text_is_cut_at_a_word_boundary(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 300; round++)
        {
            var input = GeneratedText.Create(random, random.Next(10, 80), latinOnly: true).Text;
            var limit = random.Next(30, input.Length + 1);

            var fit = TextLimiter.Fit(input, limit, TextCountingRule.Utf16CodeUnits);

            Assert.True(fit.Text.Length <= limit);
            if (fit.Truncated)
            {
                var kept = fit.Text[..^1];
                var next = input[kept.Length];
                Assert.True(char.IsWhiteSpace(next) || next is ',' or ';' or ':' or '-', $"cut mid-word at {kept.Length}: «{input}» → «{fit.Text}»");
                // The boundary chosen is the last one that fits: the next word would not have fitted.
                var nextSpace = input.IndexOf(' ', kept.Length + 1);
                var longer = nextSpace < 0 ? input : input[..nextSpace];
                Assert.True(longer.TrimEnd(',', ';', ':', '-').Length + 1 > limit, $"a longer prefix fitted: «{input}» → «{fit.Text}»");
            }
        }
    }

    [Theory]
    [InlineData(TextCountingRule.Utf16CodeUnits)]
    [InlineData(TextCountingRule.XWeighted)]
    public void Extra_hashtags_are_dropped_from_the_end(TextCountingRule rule)
    {
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            var generated = GeneratedText.Create(random, random.Next(1, 40));
            var hashtags = generated.Tokens.Where(t => t.Kind == "hashtag").Select(t => generated.Text[t.Start..t.End]).ToList();
            var max = random.Next(0, 5);

            var fit = TextLimiter.Fit(generated.Text, 100_000, rule, maxHashtags: max);

            var expectedDropped = hashtags.Count > max ? hashtags.Skip(max).ToList() : [];
            Assert.Equal(expectedDropped, fit.DroppedHashtags);
            foreach (var kept in hashtags.Take(max))
            {
                Assert.Contains(kept, fit.Text);
            }

            foreach (var (start, end, kind) in generated.Tokens.Where(t => t.Kind != "hashtag"))
            {
                Assert.Contains(generated.Text[start..end], fit.Text);
            }
        }
    }

    private static bool IsGraphemeBoundary(string text, int index) =>
        index == 0 || index == text.Length || StringInfo.ParseCombiningCharacters(text).Contains(index);
}
