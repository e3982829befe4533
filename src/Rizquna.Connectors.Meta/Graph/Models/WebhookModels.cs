namespace Rizquna.Connectors.Meta.Graph.Models;

internal sealed class WebhookPayload
{
    public string? Object { get; set; }
    public List<WebhookEntry>? Entry { get; set; }
}

internal sealed class WebhookEntry
{
    public string? Id { get; set; }
    public long? Time { get; set; }
    public List<WebhookChange>? Changes { get; set; }
    public List<MessagingEvent>? Messaging { get; set; }
}

internal sealed class WebhookChange
{
    public string? Field { get; set; }
    public WebhookChangeValue? Value { get; set; }
}

internal sealed class WebhookChangeValue
{
    public string? Item { get; set; }
    public string? Verb { get; set; }
    public string? CommentId { get; set; }
    public string? PostId { get; set; }
    public string? ParentId { get; set; }
    public GraphUser? From { get; set; }
    public string? Message { get; set; }
    public long? CreatedTime { get; set; }
    public string? Id { get; set; }
    public string? Text { get; set; }
    public WebhookMedia? Media { get; set; }
}

internal sealed class WebhookMedia
{
    public string? Id { get; set; }
    public string? MediaProductType { get; set; }
}

internal sealed class MessagingEvent
{
    public GraphUser? Sender { get; set; }
    public GraphUser? Recipient { get; set; }
    public long? Timestamp { get; set; }
    public MessagingMessage? Message { get; set; }
}

internal sealed class MessagingMessage
{
    public string? Mid { get; set; }
    public string? Text { get; set; }
    public bool? IsEcho { get; set; }
}
