namespace Rizquna.Connectors.Meta.Graph.Models;

internal sealed class FacebookComment
{
    public string? Id { get; set; }
    public string? Message { get; set; }
    public GraphUser? From { get; set; }
    public string? CreatedTime { get; set; }
}

internal sealed class Conversation
{
    public string? Id { get; set; }
    public string? UpdatedTime { get; set; }
    public GraphList<ConversationMessage>? Messages { get; set; }
}

internal sealed class ConversationMessage
{
    public string? Id { get; set; }
    public string? Message { get; set; }
    public GraphUser? From { get; set; }
    public string? CreatedTime { get; set; }
}

internal sealed class InstagramComment
{
    public string? Id { get; set; }
    public string? Text { get; set; }
    public string? Timestamp { get; set; }
    public string? Username { get; set; }
    public GraphUser? From { get; set; }
}

/// <summary>A comment or comment reply: <c>{"message":".."}</c>.</summary>
internal sealed class MessageRequest
{
    public string? Message { get; set; }
}

/// <summary><c>POST /{page-id}/messages</c> (Send API).</summary>
internal sealed class MessengerSendRequest
{
    public MessengerRecipient? Recipient { get; set; }
    public string? MessagingType { get; set; }
    public MessengerText? Message { get; set; }
}

internal sealed class MessengerRecipient
{
    public string? Id { get; set; }
}

internal sealed class MessengerText
{
    public string? Text { get; set; }
}

internal sealed class MessengerSendResponse
{
    public string? RecipientId { get; set; }
    public string? MessageId { get; set; }
}
