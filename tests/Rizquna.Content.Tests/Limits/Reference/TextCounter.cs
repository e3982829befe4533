using System.Text;

using Rizquna.Content;

namespace Rizquna.Content.Tests.Limits.Reference;

/// <summary>Counts a text the way a platform does (<see cref="TextCountingRule"/>).</summary>
internal static class TextCounter
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
        switch (rule)
        {
            case TextCountingRule.Utf16CodeUnits:
                return text.Length;
            case TextCountingRule.Graphemes:
                return TextWeights.CountClusters(text);
            default:
                var total = 0;
                var position = 0;
                while (TokenScanner.TryFindNext(text, position, out var token))
                {
                    total += TextWeights.XWeight(text[position..token.Start]);
                    total += token.Kind == TokenKind.Url ? TextWeights.XUrlWeight : TextWeights.XWeight(text.Slice(token.Start, token.Length));
                    position = token.End;
                }

                return total + TextWeights.XWeight(text[position..]);
        }
    }
}
