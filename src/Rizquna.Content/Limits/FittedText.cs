namespace Rizquna.Content;

/// <summary>A text fitted to a platform limit by <see cref="TextLimiter"/>, and what was cut to get there.</summary>
public sealed record FittedText
{
    /// <summary>The text to send; its <see cref="Count"/> never exceeds <see cref="Limit"/>.</summary>
    public required string Text { get; init; }

    /// <summary>The length of <see cref="Text"/> under <see cref="Rule"/>.</summary>
    public required int Count { get; init; }

    /// <summary>The limit applied.</summary>
    public required int Limit { get; init; }

    /// <summary>How lengths were counted.</summary>
    public required TextCountingRule Rule { get; init; }

    /// <summary>The length of the input under <see cref="Rule"/>, before anything was cut.</summary>
    public required int OriginalCount { get; init; }

    /// <summary>True when the end of the text was cut (and the ellipsis appended).</summary>
    public bool Truncated { get; init; }

    /// <summary>The text removed from the end by truncation (empty when none), without leading whitespace.</summary>
    public string CutText { get; init; } = string.Empty;

    /// <summary>Hashtags removed from the end because the platform allows fewer, in text order.</summary>
    public IReadOnlyList<string> DroppedHashtags { get; init; } = [];

    /// <summary>True when anything was removed.</summary>
    public bool Changed => Truncated || DroppedHashtags.Count > 0;
}
