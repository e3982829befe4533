using System.Text;

using Rizquna.Content;

namespace Rizquna.Content.Tests.Limits.Reference;

/// <summary>Removes the hashtags beyond a cap, from the end of the text, with the space that separated each.</summary>
internal static class HashtagDropper
{
    public static (string Text, IReadOnlyList<string> Dropped) DropFromEnd(string text, int keep)
    {
        var hashtags = new List<Token>();
        var from = 0;
        while (TokenScanner.TryFindNext(text, from, out var token))
        {
            if (token.Kind == TokenKind.Hashtag)
            {
                hashtags.Add(token);
            }

            from = token.End;
        }

        if (hashtags.Count <= keep)
        {
            return (text, []);
        }

        var removed = hashtags.GetRange(keep, hashtags.Count - keep);
        var dropped = new string[removed.Count];
        var builder = new StringBuilder(text.Length);
        var position = 0;
        for (var i = 0; i < removed.Count; i++)
        {
            var token = removed[i];
            dropped[i] = text.Substring(token.Start, token.Length);
            var start = token.Start;
            var end = token.End;
            // Take the spaces before the tag with it; a tag at the start of a line takes the spaces after it instead.
            var before = start;
            while (before > position && text[before - 1] is ' ' or '\t')
            {
                before--;
            }

            if (before < start && before > 0 && text[before - 1] is not '\n' and not '\r')
            {
                start = before;
            }
            else
            {
                while (end < text.Length && text[end] is ' ' or '\t')
                {
                    end++;
                }
            }

            builder.Append(text, position, start - position);
            position = end;
        }

        builder.Append(text, position, text.Length - position);
        return (builder.ToString().TrimEnd(), dropped);
    }
}
