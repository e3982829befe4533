namespace Rizquna.Connectors.Telegram;

/// <summary>What the publisher does when a post with media has a text longer than a caption allows.</summary>
public enum TelegramCaptionOverflow
{
    /// <summary>Send the media with a short caption, then the full text as a reply to it.</summary>
    CaptionThenFullTextReply,

    /// <summary>
    /// Send one text message whose link preview shows the media (the first media URL). Needs a single media item at a
    /// public URL; otherwise the publisher falls back to <see cref="CaptionThenFullTextReply"/>.
    /// </summary>
    TextWithLinkPreview,
}
