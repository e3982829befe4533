namespace Rizquna;

/// <summary>How a platform counts the length of a text.</summary>
public enum TextCountingRule
{
    /// <summary>UTF-16 code units, as .NET's <see cref="string.Length"/> and Telegram count.</summary>
    Utf16CodeUnits,
    /// <summary>User-perceived characters (extended grapheme clusters): an emoji with ZWJs counts once.</summary>
    Graphemes,
    /// <summary>X's weighted count (twitter-text v3): most Latin code points 1, others 2, any URL 23.</summary>
    XWeighted,
}
