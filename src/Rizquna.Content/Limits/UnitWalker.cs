namespace Rizquna.Content;

/// <summary>
/// Walks a text in units that may not be split: a whole URL, hashtag or mention, or one grapheme cluster, each with its
/// weight under the counting rule. A position the walker stops at is always a safe place to cut.
/// </summary>
internal ref struct UnitWalker
{
    private readonly ReadOnlySpan<char> _text;
    private readonly TextCountingRule _rule;
    private Token _token;
    private bool _hasToken;

    private readonly ReadOnlySpan<Token> _known;
    private readonly bool _knownComplete;
    private int _nextKnown;

    public UnitWalker(ReadOnlySpan<char> text, TextCountingRule rule)
        : this(text, rule, [], knownComplete: false)
    {
    }

    /// <summary>A walker that takes its tokens from <paramref name="known"/> (the first tokens of the text, in order) before scanning.</summary>
    public UnitWalker(ReadOnlySpan<char> text, TextCountingRule rule, ReadOnlySpan<Token> known, bool knownComplete)
    {
        _text = text;
        _rule = rule;
        _known = known;
        _knownComplete = knownComplete;
        FindToken(0);
    }

    /// <summary>Where the next unit starts.</summary>
    public int Position { get; private set; }

    /// <summary>Reads the next unit; false at the end.</summary>
    public bool TryNext(out int length, out int weight)
    {
        var position = Position;
        if (position >= _text.Length)
        {
            length = 0;
            weight = 0;
            return false;
        }

        if (_hasToken && position == _token.Start)
        {
            length = _token.Length;
            var slice = _text.Slice(position, length);
            weight = _rule switch
            {
                TextCountingRule.Utf16CodeUnits => length,
                TextCountingRule.Graphemes => TextWeights.CountClusters(slice),
                _ => _token.Kind == TokenKind.Url ? TextWeights.XUrlWeight : TextWeights.XWeight(slice),
            };
            Position = position + length;
            FindToken(Position);
            return true;
        }

        var end = _hasToken ? _token.Start : _text.Length;
        var c = _text[position];
        if (c < '\u0300' && (position + 1 >= end || (_text[position + 1] < '\u0300' && c != '\r')))
        {
            // A lone character below U+0300 weighs 1 under every rule.
            length = 1;
            weight = 1;
            Position = position + 1;
            return true;
        }

        var rest = _text[position..end];
        length = TextWeights.ClusterLength(rest);
        weight = _rule switch
        {
            TextCountingRule.Utf16CodeUnits => length,
            TextCountingRule.Graphemes => 1,
            _ => TextWeights.XClusterWeight(rest[..length]),
        };
        Position = position + length;
        return true;
    }

    /// <summary>
    /// How many units from <see cref="Position"/> on, at most <paramref name="max"/>, are single characters below U+0300
    /// weighing 1 (under every rule), so that the caller can take them at once with <see cref="Skip"/>.
    /// </summary>
    public readonly int SimpleRunLength(int max)
    {
        var end = _hasToken ? _token.Start : _text.Length;
        var rest = _text[Position..end];
        var complex = rest.IndexOfAnyExceptInRange('\0', '\u02FF');
        // The character before a complex one may start a cluster with it (a keycap); a CR may pair with an LF.
        var run = complex < 0 ? rest.Length : complex - 1;
        run = Math.Min(run, max);
        if (run <= 0)
        {
            return 0;
        }

        var cr = rest[..run].IndexOf('\r');
        return cr < 0 ? run : cr;
    }

    /// <summary>Moves past <paramref name="count"/> units reported by <see cref="SimpleRunLength"/>.</summary>
    public void Skip(int count) => Position += count;

    // The walker asks for tokens in the order a count finds them (from 0, then from each token's end), so the known
    // ones can be handed out in turn.
    private void FindToken(int from)
    {
        if (_nextKnown < _known.Length)
        {
            _token = _known[_nextKnown++];
            _hasToken = true;
            return;
        }

        _hasToken = !_knownComplete && TokenScanner.TryFindNext(_text, from, out _token);
    }
}
