using Rizquna.Content;

namespace Rizquna.Content.Tests.Limits.Reference;

/// <summary>A run of text that is never cut in the middle.</summary>
internal enum TokenKind
{
    Url,
    Hashtag,
    Mention,
}

/// <summary>Where a protected token sits in a text.</summary>
internal readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    public int End => Start + Length;
}
