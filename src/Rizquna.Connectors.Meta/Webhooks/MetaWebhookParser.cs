using System.Text.Json;
using Rizquna.Connectors.Meta.Graph;
using Rizquna.Connectors.Meta.Graph.Models;

namespace Rizquna.Connectors.Meta.Webhooks;

/// <summary>
/// Turns a Meta webhook notification (platform-contracts.md §1.8) into inbox items: Page feed comments, Messenger
/// messages, Instagram comments and Instagram messages. Other events (likes, edits, reads) are skipped. Verify the
/// signature with <see cref="MetaWebhookVerifier"/> first.
/// </summary>
public sealed class MetaWebhookParser
{
    /// <summary>
    /// Parses a notification body. <paramref name="resolveAccount"/> maps the entry's platform and id (Page id or
    /// Instagram user id) to the plan's account, or returns null to skip it; by default the id is used as the key too.
    /// </summary>
    /// <exception cref="FormatException">The body is not a Meta webhook payload.</exception>
    public IReadOnlyList<InboxItem> Parse(ReadOnlySpan<byte> rawBody, Func<PlatformId, string, AccountRef?>? resolveAccount = null)
    {
        WebhookPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(rawBody, GraphJsonContext.Default.WebhookPayload);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The webhook body is not valid JSON.", ex);
        }

        if (payload?.Entry is null)
        {
            throw new FormatException("The webhook body has no 'entry' array.");
        }

        var platform = string.Equals(payload.Object, "instagram", StringComparison.Ordinal) ? PlatformId.Instagram : PlatformId.Facebook;
        resolveAccount ??= static (p, id) => new AccountRef(p, id, id);
        var items = new List<InboxItem>();
        foreach (var entry in payload.Entry)
        {
            if (entry.Id is null || resolveAccount(platform, entry.Id) is not { } account)
            {
                continue;
            }

            var entryTime = entry.Time is { } t ? GraphPaths.FromUnix(t) : DateTimeOffset.UnixEpoch;
            foreach (var change in entry.Changes ?? [])
            {
                if (Comment(account, entry.Id, change, entryTime) is { } comment)
                {
                    items.Add(comment);
                }
            }

            foreach (var messaging in entry.Messaging ?? [])
            {
                if (Message(account, entry.Id, messaging, entryTime) is { } message)
                {
                    items.Add(message);
                }
            }
        }

        return items;
    }

    private static InboxItem? Comment(AccountRef account, string ownerId, WebhookChange change, DateTimeOffset entryTime)
    {
        var value = change.Value;
        if (value is null)
        {
            return null;
        }

        if (change.Field == "feed" && value.Item == "comment" && value.Verb == "add" && value.CommentId is { } commentId)
        {
            return new InboxItem
            {
                Account = account,
                Id = commentId,
                Kind = InboxItemKind.Comment,
                ThreadId = value.PostId,
                From = value.From?.Id is { } fromId ? new InboxParticipant(fromId, value.From.Name) : null,
                Text = value.Message,
                CreatedAt = value.CreatedTime is { } created ? GraphPaths.FromUnix(created) : entryTime,
                IsFromSelf = value.From?.Id == ownerId,
                Metadata = value.PostId is { } postId ? new Dictionary<string, string>(1) { ["meta.post_id"] = postId } : NoDetails.Instance,
            };
        }

        if (change.Field == "comments" && value.Id is { } igCommentId)
        {
            return new InboxItem
            {
                Account = account,
                Id = igCommentId,
                Kind = InboxItemKind.Comment,
                ThreadId = value.Media?.Id,
                From = value.From?.Id is { } fromId ? new InboxParticipant(fromId, value.From.Username) : null,
                Text = value.Text,
                CreatedAt = entryTime,
                IsFromSelf = value.From?.Id == ownerId,
                Metadata = value.Media?.Id is { } mediaId ? new Dictionary<string, string>(1) { ["meta.media_id"] = mediaId } : NoDetails.Instance,
            };
        }

        return null;
    }

    private static InboxItem? Message(AccountRef account, string ownerId, MessagingEvent messaging, DateTimeOffset entryTime)
    {
        if (messaging.Message?.Mid is not { } mid || messaging.Sender?.Id is not { } senderId)
        {
            return null; // delivery, read and postback events carry no message
        }

        var fromSelf = messaging.Message.IsEcho == true || senderId == ownerId;
        return new InboxItem
        {
            Account = account,
            Id = mid,
            Kind = InboxItemKind.DirectMessage,
            ThreadId = fromSelf ? messaging.Recipient?.Id : senderId,
            From = new InboxParticipant(senderId),
            Text = messaging.Message.Text,
            CreatedAt = messaging.Timestamp is { } ts ? GraphPaths.FromUnix(ts) : entryTime,
            IsFromSelf = fromSelf,
            CanReply = !fromSelf,
        };
    }
}
