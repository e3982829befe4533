using System.Text;

using Rizquna.Content;

namespace Rizquna.Content.Tests.Limits.Reference;

/// <summary>
/// Fits a text to a platform limit. First, hashtags beyond the platform's cap are dropped from the end. Then, if the
/// text is still too long, it is cut and an ellipsis appended so that the result never exceeds the limit.
/// </summary>
/// <remarks>
/// The cut is made at the last word boundary (whitespace) that fits, unless that would keep less than half of what
/// fits (a text without spaces, such as Thai or Chinese): then at the last grapheme cluster that fits. Either way it
/// never falls inside a surrogate pair, a grapheme cluster (ZWJ emoji, flags, combining marks), a URL, a hashtag or
/// an @mention. Trailing spaces and <c>, ; : -</c> before the ellipsis are removed. For X the text is put in NFC first.
/// </remarks>
internal static class TextLimiter
{
    /// <summary>The ellipsis appended to a cut text: U+2026.</summary>
    public const string DefaultEllipsis = "…";

    /// <summary>Fits <paramref name="text"/> to <paramref name="limits"/> for a post with or without media.</summary>
    public static FittedText Fit(string text, PlatformLimits limits, bool hasMedia = false, string? ellipsis = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return Fit(text, limits.TextLimitFor(hasMedia), limits.Counting, limits.MaxHashtags, ellipsis);
    }

    /// <summary>Fits <paramref name="text"/> to <paramref name="limit"/> counted by <paramref name="rule"/>, keeping at most <paramref name="maxHashtags"/> hashtags.</summary>
    public static FittedText Fit(string text, int limit, TextCountingRule rule, int? maxHashtags = null, string? ellipsis = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ellipsis ??= DefaultEllipsis;
        if (rule == TextCountingRule.XWeighted)
        {
            text = TextCounter.ToNfc(text);
        }

        var originalCount = TextCounter.CountNormalized(text, rule);
        IReadOnlyList<string> dropped = [];
        var count = originalCount;
        if (maxHashtags is int max && max >= 0 && CountHashSigns(text) > max && TokenScanner.CountHashtags(text) > max)
        {
            (text, dropped) = HashtagDropper.DropFromEnd(text, max);
            count = TextCounter.CountNormalized(text, rule);
        }

        if (count <= limit)
        {
            return new FittedText { Text = text, Count = count, Limit = limit, Rule = rule, OriginalCount = originalCount, DroppedHashtags = dropped };
        }

        var (result, resultCount, cut) = Truncate(text, limit, rule, ellipsis);
        return new FittedText
        {
            Text = result,
            Count = resultCount,
            Limit = limit,
            Rule = rule,
            OriginalCount = originalCount,
            Truncated = true,
            CutText = cut,
            DroppedHashtags = dropped,
        };
    }

    private static int CountHashSigns(string text) => text.AsSpan().Count('#');

    private static (string Text, int Count, string Cut) Truncate(string text, int limit, TextCountingRule rule, string ellipsis)
    {
        var budget = limit - TextCounter.CountNormalized(ellipsis, rule);
        if (budget <= 0)
        {
            return (string.Empty, 0, text.TrimStart());
        }

        var walker = new UnitWalker(text, rule);
        var weight = 0;
        var lastWord = -1;
        var lastWordWeight = 0;
        var stop = 0;
        while (true)
        {
            stop = walker.Position;
            if (stop > 0 && stop < text.Length && char.IsWhiteSpace(text[stop]))
            {
                lastWord = stop;
                lastWordWeight = weight;
            }

            if (!walker.TryNext(out _, out var unit) || weight + unit > budget)
            {
                break;
            }

            weight += unit;
        }

        // Prefer a word boundary unless it throws away more than half of what fits (scripts without spaces).
        var cut = lastWord > 0 && lastWordWeight * 2 >= weight ? lastWord : stop;
        while (true)
        {
            var kept = TrimForEllipsis(text.AsSpan(0, cut));
            if (kept.IsEmpty)
            {
                return (string.Empty, 0, text.TrimStart());
            }

            var candidate = string.Concat(kept, ellipsis);
            // The joined text is counted again: a cut word can become a URL for X ("rizquna.id" + "…" out of "rizquna.idaman").
            var count = TextCounter.CountNormalized(candidate, rule);
            if (count <= limit)
            {
                return (candidate, count, text.AsSpan(cut).TrimStart().ToString());
            }

            cut = kept.Length - 1;
            while (cut > 0 && !char.IsWhiteSpace(text[cut]))
            {
                cut--;
            }
        }
    }

    private static ReadOnlySpan<char> TrimForEllipsis(ReadOnlySpan<char> kept)
    {
        while (!kept.IsEmpty && (char.IsWhiteSpace(kept[^1]) || kept[^1] is ',' or ';' or ':' or '-' or '–' or '—'))
        {
            kept = kept[..^1];
        }

        return kept;
    }
}
