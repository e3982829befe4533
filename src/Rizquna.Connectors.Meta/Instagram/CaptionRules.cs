namespace Rizquna.Connectors.Meta.Instagram;

/// <summary>Instagram caption checks made before any call: length, hashtags and @mentions (limits are settings).</summary>
internal static class CaptionRules
{
    /// <summary>A message describing the first broken rule, or null when the caption is acceptable.</summary>
    public static string? Check(string caption, int maxLength, int maxHashtags, int maxMentions)
    {
        if (caption.Length > maxLength)
        {
            return $"instagram: the caption has {caption.Length} characters; the limit is {maxLength}.";
        }

        var hashtags = Count(caption, '#');
        if (hashtags > maxHashtags)
        {
            return $"instagram: the caption has {hashtags} hashtags; the limit is {maxHashtags}.";
        }

        var mentions = Count(caption, '@');
        return mentions > maxMentions ? $"instagram: the caption has {mentions} @mentions; the limit is {maxMentions}." : null;
    }

    /// <summary>Counts tags: the marker at a word start followed by a letter, digit or underscore.</summary>
    public static int Count(string text, char marker)
    {
        var count = 0;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] == marker && (i == 0 || !IsTagChar(text[i - 1])) && IsTagChar(text[i + 1]))
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsTagChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
