namespace Rizquna.Scheduling.Lanes.Reply;

/// <summary>One reply rule: when an item's text matches, answer with a caption template (per-platform variants live in the template).</summary>
public sealed class ReplyRule
{
    /// <summary>A short name for logs and the report.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Matches when the text contains any of these words or phrases (case-insensitive).</summary>
    public List<string> Keywords { get; set; } = [];

    /// <summary>Matches when this regular expression (case-insensitive) finds a match; its named groups become template values.</summary>
    public string? Pattern { get; set; }

    /// <summary>Only these item kinds (all when empty), e.g. <c>Comment</c>, <c>DirectMessage</c>, <c>ChatMessage</c>.</summary>
    public List<InboxItemKind> Kinds { get; set; } = [];

    /// <summary>Only these platforms (all when empty).</summary>
    public List<string> Platforms { get; set; } = [];

    /// <summary>The caption template (<c>Rizquna:Content:Templates:&lt;name&gt;</c>) rendered as the reply.</summary>
    public string Template { get; set; } = string.Empty;
}
