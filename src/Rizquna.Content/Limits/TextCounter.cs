using System.Text;

namespace Rizquna.Content;

/// <summary>Counts a text the way a platform does (<see cref="TextCountingRule"/>).</summary>
public static class TextCounter
{
    /// <summary>What X counts for any URL, whatever its length.</summary>
    public const int XUrlWeight = TextWeights.XUrlWeight;

    /// <summary>
    /// The length of <paramref name="text"/> under <paramref name="rule"/>: UTF-16 units; extended grapheme clusters;
    /// or X's weighted count (text in NFC, code points in twitter-text's Latin ranges 1, others 2, an emoji sequence 2,
    /// any URL 23).
    /// </summary>
    public static int Count(string text, TextCountingRule rule)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CountNormalized(rule == TextCountingRule.XWeighted ? ToNfc(text) : text, rule);
    }

    /// <summary>The text in NFC, without allocating when it already is.</summary>
    internal static string ToNfc(string text) =>
        TextWeights.IsTriviallyNfc(text) || text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>Counts text already in the form the rule expects (NFC for X).</summary>
    internal static int CountNormalized(ReadOnlySpan<char> text, TextCountingRule rule)
    {
        var none = default(TokenLog);
        return CountNormalized(text, rule, ref none);
    }

    /// <summary>Counts text already in the form the rule expects; for X, logs the tokens found in <paramref name="log"/>.</summary>
    internal static int CountNormalized(ReadOnlySpan<char> text, TextCountingRule rule, ref TokenLog log) => rule switch
    {
        TextCountingRule.Utf16CodeUnits => text.Length,
        TextCountingRule.Graphemes => TextWeights.CountClusters(text),
        _ => CountX(text, 0, 0, ref log),
    };

    /// <summary>
    /// X's count of <paramref name="text"/>, resuming at <paramref name="from"/> (0, or the end of a token the scan found)
    /// where the count so far is <paramref name="total"/>.
    /// </summary>
    internal static int CountX(ReadOnlySpan<char> text, int from, int total, ref TokenLog log)
    {
        var position = from;
        while (TokenScanner.TryFindNext(text, position, out var token))
        {
            total += TextWeights.XWeight(text[position..token.Start]);
            total += token.Kind == TokenKind.Url ? TextWeights.XUrlWeight : TextWeights.XWeight(text.Slice(token.Start, token.Length));
            position = token.End;
            log.Add(token, total);
        }

        return total + TextWeights.XWeight(text[position..]);
    }
}
