using System.Globalization;

namespace Rizquna.Scheduling.Plans;

/// <summary>Parses account key settings: a range <c>001..010</c> (zero-padded width kept) or a list <c>001,003,007</c>.</summary>
public static class AccountKeys
{
    /// <summary>Parses <paramref name="text"/>; on failure returns false and a message (without the setting's name).</summary>
    public static bool TryParse(string? text, out IReadOnlyList<string> keys, out string? error)
    {
        keys = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "is empty";
            return false;
        }

        var range = text.IndexOf("..", StringComparison.Ordinal);
        return range >= 0 ? TryParseRange(text, range, out keys, out error) : TryParseList(text, out keys, out error);
    }

    /// <summary>Whether <paramref name="key"/> may name an account: letters, digits, '-' or '_', at most 64 characters.</summary>
    public static bool IsValidKey(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 64)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseRange(string text, int at, out IReadOnlyList<string> keys, out string? error)
    {
        keys = [];
        var start = text[..at].Trim();
        var end = text[(at + 2)..].Trim();
        if (!IsDigits(start) || !IsDigits(end))
        {
            error = $"'{text}' is not a range of numbers such as 001..010";
            return false;
        }

        if (start.Length != end.Length)
        {
            error = $"'{text}' mixes widths ({start.Length} and {end.Length} digits): write both ends with the same zero-padding, e.g. 001..010";
            return false;
        }

        var first = long.Parse(start, CultureInfo.InvariantCulture);
        var last = long.Parse(end, CultureInfo.InvariantCulture);
        if (first > last)
        {
            error = $"'{text}' is reversed: the start must not be after the end";
            return false;
        }

        if (last - first >= 100_000)
        {
            error = $"'{text}' names more than 100,000 accounts";
            return false;
        }

        var list = new string[last - first + 1];
        var format = "D" + start.Length.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = (first + i).ToString(format, CultureInfo.InvariantCulture);
        }

        keys = list;
        error = null;
        return true;
    }

    private static bool TryParseList(string text, out IReadOnlyList<string> keys, out string? error)
    {
        keys = [];
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (!IsValidKey(part))
            {
                error = $"'{text}' has an invalid account key '{part}' (use letters, digits, '-' or '_')";
                return false;
            }

            if (!seen.Add(part))
            {
                error = $"'{text}' lists account key '{part}' twice";
                return false;
            }
        }

        keys = parts;
        error = null;
        return true;
    }

    private static bool IsDigits(string s)
    {
        if (s.Length == 0 || s.Length > 12)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
