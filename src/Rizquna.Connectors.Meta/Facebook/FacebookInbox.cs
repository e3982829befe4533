using System.Runtime.CompilerServices;
using Rizquna.Connectors.Meta.Graph;
using Rizquna.Connectors.Meta.Inbox;

namespace Rizquna.Connectors.Meta.Facebook;

/// <summary>
/// Polls a Page's inbox (platform-contracts.md §1.7): comments on its recent posts and its Messenger conversations.
/// Messages older than the messaging window are marked as not repliable.
/// </summary>
internal sealed class FacebookInbox(GraphClient graph) : IInboxPoller
{
    public PlatformId Platform => PlatformId.Facebook;

    public async IAsyncEnumerable<InboxItem> PollAsync(AccountRef account, InboxCursor? after, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var options = graph.Options;
        var position = InboxPosition.Parse(after);
        var now = graph.Time.GetUtcNow();
        var since = position?.Time ?? now - options.InboxLookback;
        var batch = new InboxBatch(position ?? InboxPosition.Of(since, string.Empty));
        var page = GraphPaths.Escape(account.PlatformAccountId);

        var posts = await graph.GetAsync(account, $"{page}/posts?fields=id,updated_time&limit={options.InboxRecentPosts}",
            GraphJsonContext.Default.GraphListFacebookPost, cancellationToken).ConfigureAwait(false);
        foreach (var post in posts.Data ?? [])
        {
            if (post.Id is null)
            {
                continue;
            }

            var comments = await graph.GetAsync(account,
                $"{GraphPaths.Escape(post.Id)}/comments?filter=stream&order=reverse_chronological&fields=id,message,from,created_time&since={GraphPaths.UnixSeconds(since)}&limit=100",
                GraphJsonContext.Default.GraphListFacebookComment, cancellationToken).ConfigureAwait(false);
            foreach (var comment in comments.Data ?? [])
            {
                if (comment.Id is null || GraphPaths.ParseTime(comment.CreatedTime) is not { } created)
                {
                    continue;
                }

                batch.Add(new InboxItem
                {
                    Account = account,
                    Id = comment.Id,
                    Kind = InboxItemKind.Comment,
                    ThreadId = post.Id,
                    From = comment.From?.Id is { } fromId ? new InboxParticipant(fromId, comment.From.Name) : null,
                    Text = comment.Message,
                    CreatedAt = created,
                    IsFromSelf = comment.From?.Id == account.PlatformAccountId,
                    Metadata = new Dictionary<string, string>(1) { ["meta.post_id"] = post.Id },
                });
            }
        }

        var conversations = await graph.GetAsync(account,
            $"{page}/conversations?platform=messenger&fields=id,updated_time,messages.limit(20){{id,message,from,created_time}}&limit=25",
            GraphJsonContext.Default.GraphListConversation, cancellationToken).ConfigureAwait(false);
        foreach (var conversation in conversations.Data ?? [])
        {
            if (conversation.Id is null || (GraphPaths.ParseTime(conversation.UpdatedTime) is { } updated && updated < since))
            {
                continue;
            }

            foreach (var message in conversation.Messages?.Data ?? [])
            {
                if (message.Id is null || GraphPaths.ParseTime(message.CreatedTime) is not { } created)
                {
                    continue;
                }

                var fromSelf = message.From?.Id == account.PlatformAccountId;
                batch.Add(new InboxItem
                {
                    Account = account,
                    Id = message.Id,
                    Kind = InboxItemKind.DirectMessage,
                    ThreadId = conversation.Id,
                    From = message.From?.Id is { } fromId ? new InboxParticipant(fromId, message.From.Name) : null,
                    Text = message.Message,
                    CreatedAt = created,
                    IsFromSelf = fromSelf,
                    CanReply = !fromSelf && now - created < options.MessagingWindow,
                });
            }
        }

        foreach (var item in batch.Ordered())
        {
            yield return item;
        }
    }
}
