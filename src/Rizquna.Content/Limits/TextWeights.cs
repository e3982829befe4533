using System.Globalization;
using System.Text;

namespace Rizquna.Content;

/// <summary>Grapheme clusters and their weights under each counting rule.</summary>
internal static class TextWeights
{
    /// <summary>What X counts for any URL (twitter-text v3 <c>transformedURLLength</c>).</summary>
    public const int XUrlWeight = 23;

    /// <summary>Length in UTF-16 units of the grapheme cluster at the start of <paramref name="text"/> (not empty).</summary>
    public static int ClusterLength(ReadOnlySpan<char> text)
    {
        // Fast path: below U+0300 nothing combines with its neighbour except CR LF.
        var c = text[0];
        if (c < '\u0300' && (text.Length == 1 || (text[1] < '\u0300' && !(c == '\r' && text[1] == '\n'))))
        {
            return 1;
        }

        if (IsLoneEmojiPair(text))
        {
            return 2;
        }

        return StringInfo.GetNextTextElementLength(text);
    }

    /// <summary>The number of grapheme clusters.</summary>
    public static int CountClusters(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (!text.IsEmpty)
        {
            // Characters below U+0300 are clusters of their own (CR LF aside) unless the next one combines with them.
            var complex = text.IndexOfAnyExceptInRange('\0', '\u02FF');
            var simple = complex < 0 ? text.Length : complex - 1;
            if (simple > 0)
            {
                var run = text[..simple];
                count += run.Length - run.Count("\r\n");
                if (run[^1] == '\r' && text.Length > simple && text[simple] == '\n')
                {
                    count--; // the CR LF straddles the end of the run
                }

                text = text[simple..];
                continue;
            }

            text = text[ClusterLength(text)..];
            count++;
        }

        return count;
    }

    /// <summary>X's weight of one grapheme cluster: an emoji sequence counts 2, otherwise each code point 1 or 2.</summary>
    public static int XClusterWeight(ReadOnlySpan<char> cluster)
    {
        if (cluster.Length == 1)
        {
            return XCodePointWeight(cluster[0]);
        }

        if (IsEmoji(cluster))
        {
            return 2;
        }

        var weight = 0;
        foreach (var rune in cluster.EnumerateRunes())
        {
            weight += XCodePointWeight(rune.Value);
        }

        return weight;
    }

    /// <summary>
    /// True when <paramref name="text"/> starts with a code point in U+1F000–U+1FBFF (emoji, symbols, regional
    /// indicators) followed by a character below U+0300 or nothing: a cluster of its own (nothing below U+0300 extends
    /// it, no character in those planes is a prepend, and a regional indicator pairs only with another), and for X an
    /// emoji weighing 2.
    /// </summary>
    private static bool IsLoneEmojiPair(ReadOnlySpan<char> text) =>
        text.Length >= 2 && text[0] is >= '\uD83C' and <= '\uD83E' && char.IsLowSurrogate(text[1])
        && (text.Length == 2 || text[2] < '\u0300');

    /// <summary>X's weight of a run of text without URLs.</summary>
    public static int XWeight(ReadOnlySpan<char> text)
    {
        var weight = 0;
        while (!text.IsEmpty)
        {
            // Below U+0300 every code point weighs 1; only the last one may start a cluster (a keycap emoji) with what follows.
            var complex = text.IndexOfAnyExceptInRange('\0', '\u02FF');
            var simple = complex < 0 ? text.Length : complex - 1;
            if (simple > 0)
            {
                weight += simple;
                text = text[simple..];
                continue;
            }

            if (IsLoneEmojiPair(text))
            {
                weight += 2;
                text = text[2..];
                continue;
            }

            var length = ClusterLength(text);
            weight += XClusterWeight(text[..length]);
            text = text[length..];
        }

        return weight;
    }

    /// <summary>twitter-text v3 ranges of weight 1 (scale 100 → 1); every other code point weighs 2.</summary>
    public static int XCodePointWeight(int codePoint) =>
        codePoint is <= 4351 or (>= 8192 and <= 8205) or (>= 8208 and <= 8223) or (>= 8242 and <= 8247) ? 1 : 2;

    /// <summary>
    /// Whether <paramref name="text"/> is certainly in NFC without asking ICU: every character below U+0300, or an emoji
    /// from the supplementary planes U+1F000–U+1FBFF. Otherwise the caller checks properly.
    /// </summary>
    public static bool IsTriviallyNfc(ReadOnlySpan<char> text)
    {
        var i = text.IndexOfAnyExceptInRange('\0', '\u02FF');
        if (i < 0)
        {
            return true;
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u0300')
            {
                // Skip the rest of the simple run at once.
                var next = text[i..].IndexOfAnyExceptInRange('\0', '\u02FF');
                if (next < 0)
                {
                    return true;
                }

                i += next - 1;
                continue;
            }

            // High surrogates D83C–D83E encode U+1F000–U+1FBFF (emoji, symbols): all NFC-stable.
            if (c is >= '\uD83C' and <= '\uD83E' && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (c is '\u200d' or '\ufe0f')
            {
                continue;
            }

            return false;
        }

        return true;
    }

    /// <summary>Marks, joiners, variation selectors and skin tones: characters that extend the cluster before them.</summary>
    public static bool IsExtender(ReadOnlySpan<char> text)
    {
        if (!text.IsEmpty && text[0] < '\u0300')
        {
            return false; // the first marks are at U+0300 (a test checks every character below)
        }

        if (Rune.DecodeFromUtf16(text, out var rune, out _) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        return rune.Value is 0x200D or (>= 0xFE00 and <= 0xFE0F) or (>= 0x1F3FB and <= 0x1F3FF) or (>= 0xE0020 and <= 0xE007F)
            || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static bool IsEmoji(ReadOnlySpan<char> cluster)
    {
        if (cluster.IndexOfAny('\u200d', '\ufe0f', '\u20e3') >= 0)
        {
            return true;
        }

        var first = Rune.DecodeFromUtf16(cluster, out var rune, out _) == System.Buffers.OperationStatus.Done ? rune.Value : 0;
        return first is >= 0x1F000 or (>= 0x2300 and <= 0x23FF) or (>= 0x2600 and <= 0x27BF) or (>= 0x2B00 and <= 0x2BFF);
    }
}
