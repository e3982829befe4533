using Rizquna.Connectors.Meta.Graph;
using Rizquna.Connectors.Meta.Graph.Models;

namespace Rizquna.Connectors.Meta.Inbox;

/// <summary>
/// Replies to Meta inbox items: a comment reply (Facebook <c>/{comment-id}/comments</c>, Instagram
/// <c>/{comment-id}/replies</c>) or a message through the Send API inside the messaging window (outside it, a clear
/// <see cref="PlatformErrorKind.Forbidden"/> before any call). Replies create content: never retried by the HTTP layer.
/// </summary>
internal abstract class MetaResponder(GraphClient graph, PlatformId platform, string commentReplyEdge) : IInboxResponder
{
    public PlatformId Platform => platform;

    public async Task<ReplyResult> ReplyAsync(ReplyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var item = request.InReplyTo;
        var account = item.Account;
        string? id;
        switch (item.Kind)
        {
            case InboxItemKind.Comment:
                var created = await graph.PostJsonAsync(account, $"{GraphPaths.Escape(item.Id)}/{commentReplyEdge}", new MessageRequest { Message = request.Text },
                    GraphJsonContext.Default.MessageRequest, GraphJsonContext.Default.IdResponse, GraphWrite.CreatesContent, cancellationToken).ConfigureAwait(false);
                id = created.Id;
                break;

            case InboxItemKind.DirectMessage:
                id = await SendMessageAsync(request, item, cancellationToken).ConfigureAwait(false);
                break;

            default:
                throw new PlatformException(platform, PlatformErrorKind.Permanent, $"{platform}: cannot reply to a {item.Kind}.");
        }

        if (string.IsNullOrEmpty(id))
        {
            throw new PlatformException(platform, PlatformErrorKind.OutcomeUnknown, $"{platform}: the reply was accepted without an id; check before sending again.");
        }

        return new ReplyResult(id, graph.Time.GetUtcNow());
    }

    private async Task<string?> SendMessageAsync(ReplyRequest request, InboxItem item, CancellationToken cancellationToken)
    {
        var window = graph.Options.MessagingWindow;
        var age = graph.Time.GetUtcNow() - item.CreatedAt;
        if (age >= window)
        {
            throw new PlatformException(platform, PlatformErrorKind.Forbidden,
                $"{platform}: the message {item.Id} is {age.TotalHours:0.#} h old, outside the {window.TotalHours:0.#}-hour messaging window; "
                + "a standard reply is no longer allowed (nothing was sent).");
        }

        if (item.From?.Id is not { } recipient)
        {
            throw new PlatformException(platform, PlatformErrorKind.Permanent, $"{platform}: the message {item.Id} has no sender to reply to.");
        }

        // "me" is the Page for a Page token (Messenger and Instagram via Facebook Login) and the account for an Instagram Login token.
        var sent = await graph.PostJsonAsync(item.Account, "me/messages", new MessengerSendRequest
        {
            Recipient = new MessengerRecipient { Id = recipient },
            MessagingType = "RESPONSE",
            Message = new MessengerText { Text = request.Text },
        }, GraphJsonContext.Default.MessengerSendRequest, GraphJsonContext.Default.MessengerSendResponse, GraphWrite.CreatesContent, cancellationToken).ConfigureAwait(false);
        return sent.MessageId;
    }
}

/// <summary>Replies on Facebook: comment replies on <c>/{comment-id}/comments</c>, Messenger messages.</summary>
internal sealed class FacebookResponder(GraphClient graph) : MetaResponder(graph, PlatformId.Facebook, "comments");

/// <summary>Replies on Instagram: comment replies on <c>/{comment-id}/replies</c>, Instagram messages.</summary>
internal sealed class InstagramResponder(GraphClient graph) : MetaResponder(graph, PlatformId.Instagram, "replies");
