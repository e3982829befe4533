using System.Buffers;
using System.Text;

namespace Rizquna.Content;

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
public static class TextLimiter
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

        // For X the count logs the tokens it finds, so that a cut need not scan for them again.
        var log = rule == TextCountingRule.XWeighted
            ? new TokenLog(stackalloc Token[LoggedTokens], stackalloc int[LoggedTokens])
            : default;
        var originalCount = TextCounter.CountNormalized(text, rule, ref log);
        IReadOnlyList<string> dropped = [];
        var count = originalCount;
        if (maxHashtags is int max && max >= 0 && CountHashSigns(text) > max && TokenScanner.CountHashtags(text) > max)
        {
            (text, dropped) = HashtagDropper.DropFromEnd(text, max);
            log.Clear();
            count = TextCounter.CountNormalized(text, rule, ref log);
        }

        if (count <= limit)
        {
            return new FittedText { Text = text, Count = count, Limit = limit, Rule = rule, OriginalCount = originalCount, DroppedHashtags = dropped };
        }

        var (result, resultCount, cut) = Truncate(text, limit, rule, ellipsis, ref log);
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

    /// <summary>How many tokens a fit logs on the stack; a text with more is scanned again past them.</summary>
    private const int LoggedTokens = 32;

    /// <summary>The characters below U+0300 that <see cref="char.IsWhiteSpace(char)"/> accepts (a test checks the set).</summary>
    internal static readonly SearchValues<char> WhiteSpaceBelowU0300 = SearchValues.Create("\t\n\v\f\r \u0085\u00a0");

    private static int CountHashSigns(string text) => text.AsSpan().Count('#');

    private static (string Text, int Count, string Cut) Truncate(string text, int limit, TextCountingRule rule, string ellipsis, ref TokenLog log)
    {
        var budget = limit - TextCounter.CountNormalized(ellipsis, rule);
        if (budget <= 0)
        {
            return (string.Empty, 0, text.TrimStart());
        }

        var walker = rule == TextCountingRule.XWeighted
            ? new UnitWalker(text, rule, log.Tokens, log.Complete)
            : new UnitWalker(text, rule);
        var weight = 0;
        var lastWord = -1;
        var lastWordWeight = 0;
        var stop = 0;
        while (true)
        {
            stop = walker.Position;
            // A run of plain characters (each a unit of weight 1) is taken at once, noting its last whitespace.
            var run = walker.SimpleRunLength(budget - weight);
            if (run > 0)
            {
                var space = text.AsSpan(stop, run).LastIndexOfAny(WhiteSpaceBelowU0300);
                if (space >= 0 && stop + space > 0)
                {
                    lastWord = stop + space;
                    lastWordWeight = weight + space;
                }

                walker.Skip(run);
                weight += run;
                continue;
            }

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
            var count = CountCandidate(candidate, kept, rule, ref log);
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

    /// <summary>
    /// Counts the cut text with its ellipsis. It is counted again because a cut word can become a URL for X
    /// ("rizquna.id" + "…" out of "rizquna.idaman"). For X only the end is: the count resumes at the last URL-stop
    /// character of the kept text that follows a cluster boundary. Every token before that character is the same with
    /// or without what follows it (no token contains or is extended by a URL-stop character), so the count there is
    /// the count up to the last logged token before it plus the plain text in between.
    /// </summary>
    private static int CountCandidate(string candidate, ReadOnlySpan<char> kept, TextCountingRule rule, ref TokenLog log)
    {
        if (rule != TextCountingRule.XWeighted)
        {
            return TextCounter.CountNormalized(candidate, rule);
        }

        var none = default(TokenLog);
        var resume = kept.Length;
        while (true)
        {
            resume = kept[..resume].LastIndexOfAny(TokenScanner.UrlStop);
            if (resume <= 0)
            {
                return TextCounter.CountX(candidate, 0, 0, ref none);
            }

            // Below U+0300 (CR aside) a character and the one after it are separate clusters.
            if (kept[resume - 1] < '\u0300' && kept[resume - 1] != '\r')
            {
                break;
            }
        }

        // The log must hold every token before the resume point: it does if it is complete or goes past it.
        if (!log.Complete && (log.Count == 0 || log.Tokens[^1].End <= resume))
        {
            return TextCounter.CountX(candidate, 0, 0, ref none);
        }

        var (tokenEnd, total) = log.LastEndAtOrBefore(resume);
        total += TextWeights.XWeight(kept[tokenEnd..resume]);
        return TextCounter.CountX(candidate, resume, total, ref none);
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
