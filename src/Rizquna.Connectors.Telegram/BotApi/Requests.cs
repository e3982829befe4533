namespace Rizquna.Connectors.Telegram.BotApi;

// Request bodies of the Bot API methods we call (JSON, snake_case; nulls are left out).
// chat_id is sent as a string: the Bot API accepts "@channel" and numeric ids as strings alike.

internal sealed record SendMessageRequest(string ChatId, string Text)
{
    public string? ParseMode { get; init; } = "HTML";
    public LinkPreviewOptions? LinkPreviewOptions { get; init; }
    public ReplyParameters? ReplyParameters { get; init; }
    public bool? DisableNotification { get; init; }
}

internal sealed record SendPhotoRequest(string ChatId, string Photo)
{
    public string? Caption { get; init; }
    public string? ParseMode { get; init; } = "HTML";
    public ReplyParameters? ReplyParameters { get; init; }
    public bool? DisableNotification { get; init; }
}

internal sealed record SendVideoRequest(string ChatId, string Video)
{
    public string? Caption { get; init; }
    public string? ParseMode { get; init; } = "HTML";
    public bool? SupportsStreaming { get; init; } = true;
    public ReplyParameters? ReplyParameters { get; init; }
    public bool? DisableNotification { get; init; }
}

internal sealed record SendMediaGroupRequest(string ChatId, IReadOnlyList<InputMedia> Media)
{
    public ReplyParameters? ReplyParameters { get; init; }
    public bool? DisableNotification { get; init; }
}

/// <summary>InputMediaPhoto / InputMediaVideo: <c>media</c> is a URL, a file_id or <c>attach://name</c>.</summary>
internal sealed record InputMedia(string Type, string Media)
{
    public string? Caption { get; init; }
    public string? ParseMode { get; init; }
    public bool? SupportsStreaming { get; init; }
}

internal sealed record ReplyParameters(long MessageId)
{
    public string? ChatId { get; init; }
    public bool? AllowSendingWithoutReply { get; init; }
}

internal sealed record LinkPreviewOptions
{
    public bool? IsDisabled { get; init; }
    public string? Url { get; init; }
    public bool? PreferLargeMedia { get; init; }
    public bool? ShowAboveText { get; init; }
}

internal sealed record GetUpdatesRequest
{
    public long? Offset { get; init; }
    public int? Limit { get; init; }
    public int? Timeout { get; init; }
    public IReadOnlyList<string>? AllowedUpdates { get; init; }
}

internal sealed record EmptyRequest;
