namespace Rizquna.Connectors.Waha.Reporting;

/// <summary>
/// Splits a long text into messages of at most a given length, on line boundaries; a single line longer than the limit is
/// cut, never inside a surrogate pair.
/// </summary>
internal static class ReportSplitter
{
    public static List<string> Split(string text, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);
        var chunks = new List<string>();
        if (text.Length <= limit)
        {
            chunks.Add(text);
            return chunks;
        }

        var current = new System.Text.StringBuilder(limit);
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range);
            var needed = current.Length == 0 ? line.Length : current.Length + 1 + line.Length;
            if (needed <= limit)
            {
                if (current.Length > 0)
                {
                    current.Append('\n');
                }

                current.Append(line);
                continue;
            }

            Flush(current, chunks);
            while (line.Length > limit)
            {
                var cut = char.IsHighSurrogate(line[limit - 1]) ? limit - 1 : limit;
                chunks.Add(line[..cut].ToString());
                line = line[cut..];
            }

            current.Append(line);
        }

        Flush(current, chunks);
        return chunks;
    }

    private static void Flush(System.Text.StringBuilder current, List<string> chunks)
    {
        if (current.Length > 0)
        {
            chunks.Add(current.ToString());
            current.Clear();
        }
    }
}
