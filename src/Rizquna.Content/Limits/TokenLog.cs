namespace Rizquna.Content;

/// <summary>
/// The tokens an X count found, in order, with the running count at each token's end: the walker reuses them instead
/// of scanning again, and a recount can resume at a token end instead of starting over. Holds the first
/// <c>capacity</c> tokens; the rest are simply not logged (callers then scan for themselves).
/// </summary>
internal ref struct TokenLog(Span<Token> tokens, Span<int> totals)
{
    private readonly Span<Token> _tokens = tokens;
    private readonly Span<int> _totals = totals;

    /// <summary>How many tokens are logged.</summary>
    public int Count { get; private set; }

    /// <summary>True when every token of the text was logged (none had to be left out).</summary>
    public bool Complete { get; private set; } = true;

    /// <summary>The logged tokens, in text order.</summary>
    public readonly ReadOnlySpan<Token> Tokens => _tokens[..Count];

    public void Add(Token token, int totalAtEnd)
    {
        if (Count == _tokens.Length)
        {
            Complete = false;
            return;
        }

        _tokens[Count] = token;
        _totals[Count] = totalAtEnd;
        Count++;
    }

    public void Clear()
    {
        Count = 0;
        Complete = true;
    }

    /// <summary>The last logged token end at or before <paramref name="limit"/>, and the count there; (0, 0) if none.</summary>
    public readonly (int Position, int Total) LastEndAtOrBefore(int limit)
    {
        for (var i = Count - 1; i >= 0; i--)
        {
            if (_tokens[i].End <= limit)
            {
                return (_tokens[i].End, _totals[i]);
            }
        }

        return (0, 0);
    }
}
