namespace Rizquna.Connectors.Waha;

/// <summary>Keys of <see cref="Post.Metadata"/> the WAHA publisher reads.</summary>
public static class WahaMetadata
{
    /// <summary>The target chat (phone number, <c>@c.us</c>, <c>@g.us</c> or <c>@newsletter</c>); default <see cref="WahaOptions.PublishChatId"/>.</summary>
    public const string ChatId = "waha.chat_id";

    /// <summary>A message id to quote (<c>reply_to</c>).</summary>
    public const string ReplyTo = "waha.reply_to";

    /// <summary><c>image</c>, <c>video</c> or <c>file</c> (a document): overrides the endpoint chosen from the media kind.</summary>
    public const string SendAs = "waha.send_as";

    /// <summary>The file name shown to the recipient; default the last segment of the URL or path.</summary>
    public const string FileName = "waha.filename";
}
