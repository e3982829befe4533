namespace Rizquna.Connectors.Telegram.BotApi;

// The Bot API envelope and the parts of its objects the connector reads; unknown fields are ignored.

internal sealed record ApiResponse<T>
{
    public bool Ok { get; set; }
    public T? Result { get; set; }
    public int? ErrorCode { get; set; }
    public string? Description { get; set; }
    public ResponseParameters? Parameters { get; set; }
}

internal sealed record ResponseParameters
{
    public long? MigrateToChatId { get; set; }
    public int? RetryAfter { get; set; }
}

internal sealed record Message
{
    public long MessageId { get; set; }
    public long? MessageThreadId { get; set; }
    public User? From { get; set; }
    public Chat? SenderChat { get; set; }
    public Chat Chat { get; set; } = new();
    public long Date { get; set; }
    public string? Text { get; set; }
    public string? Caption { get; set; }
    public string? MediaGroupId { get; set; }
    public Message? ReplyToMessage { get; set; }
}

internal sealed record User
{
    public long Id { get; set; }
    public bool IsBot { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Username { get; set; }
    public bool? CanJoinGroups { get; set; }
    public bool? CanReadAllGroupMessages { get; set; }
    public bool? SupportsInlineQueries { get; set; }
}

internal sealed record Chat
{
    public long Id { get; set; }
    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? Username { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
}

internal sealed record Update
{
    public long UpdateId { get; set; }
    public Message? Message { get; set; }
    public Message? ChannelPost { get; set; }
    public CallbackQuery? CallbackQuery { get; set; }
}

internal sealed record CallbackQuery
{
    public string Id { get; set; } = string.Empty;
    public User? From { get; set; }
    public Message? Message { get; set; }
    public string? Data { get; set; }
}
