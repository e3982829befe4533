using Rizquna.Content;

namespace Rizquna.Content.Tests.Limits.Reference;

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

    public UnitWalker(ReadOnlySpan<char> text, TextCountingRule rule)
    {
        _text = text;
        _rule = rule;
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

    private void FindToken(int from) => _hasToken = TokenScanner.TryFindNext(_text, from, out _token);
}
