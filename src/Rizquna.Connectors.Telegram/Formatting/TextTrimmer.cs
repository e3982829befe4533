namespace Rizquna.Connectors.Telegram;

/// <summary>Cuts a plain text to a length, preferring a word boundary, never splitting a surrogate pair, marking the cut with "…".</summary>
internal static class TextTrimmer
{
    private const char Ellipsis = '…';

    public static string Trim(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        if (maxLength <= 1)
        {
            return maxLength == 1 ? Ellipsis.ToString() : string.Empty;
        }

        var cut = maxLength - 1; // room for the ellipsis
        if (char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        // Back up to a space when one is near (within the last fifth), so a word is not cut in half.
        var space = text.AsSpan(0, cut + 1).LastIndexOfAny(' ', '\n', '\t');
        if (space > 0 && space >= cut - (cut / 5))
        {
            cut = space;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), Ellipsis.ToString());
    }
}
