namespace Rizquna.Connectors.Telegram.BotApi;

// The Bot API envelope and the parts of its objects the connector reads; unknown fields are ignored.

internal sealed record ApiResponse<T>
{
    public bool Ok { get; init; }
    public T? Result { get; init; }
    public int? ErrorCode { get; init; }
    public string? Description { get; init; }
    public ResponseParameters? Parameters { get; init; }
}

internal sealed record ResponseParameters
{
    public long? MigrateToChatId { get; init; }
    public int? RetryAfter { get; init; }
}

internal sealed record Message
{
    public long MessageId { get; init; }
    public long? MessageThreadId { get; init; }
    public User? From { get; init; }
    public Chat? SenderChat { get; init; }
    public Chat Chat { get; init; } = new();
    public long Date { get; init; }
    public string? Text { get; init; }
    public string? Caption { get; init; }
    public string? MediaGroupId { get; init; }
    public Message? ReplyToMessage { get; init; }
}

internal sealed record User
{
    public long Id { get; init; }
    public bool IsBot { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Username { get; init; }
    public bool? CanJoinGroups { get; init; }
    public bool? CanReadAllGroupMessages { get; init; }
    public bool? SupportsInlineQueries { get; init; }
}

internal sealed record Chat
{
    public long Id { get; init; }
    public string? Type { get; init; }
    public string? Title { get; init; }
    public string? Username { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
}

internal sealed record Update
{
    public long UpdateId { get; init; }
    public Message? Message { get; init; }
    public Message? ChannelPost { get; init; }
    public CallbackQuery? CallbackQuery { get; init; }
}

internal sealed record CallbackQuery
{
    public string Id { get; init; } = string.Empty;
    public User? From { get; init; }
    public Message? Message { get; init; }
    public string? Data { get; init; }
}
