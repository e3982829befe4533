using System.Runtime.CompilerServices;
using Rizquna.Connectors.Meta.Graph;
using Rizquna.Connectors.Meta.Inbox;

namespace Rizquna.Connectors.Meta.Instagram;

/// <summary>Polls the comments on an Instagram account's recent media (platform-contracts.md §1.7).</summary>
internal sealed class InstagramInbox(GraphClient graph) : IInboxPoller
{
    public PlatformId Platform => PlatformId.Instagram;

    public async IAsyncEnumerable<InboxItem> PollAsync(AccountRef account, InboxCursor? after, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var options = graph.Options;
        var position = InboxPosition.Parse(after);
        var since = position?.Time ?? graph.Time.GetUtcNow() - options.InboxLookback;
        var batch = new InboxBatch(position ?? InboxPosition.Of(since, string.Empty));

        var media = await graph.GetAsync(account, $"{GraphPaths.Escape(account.PlatformAccountId)}/media?fields=id,timestamp&limit={options.InboxRecentPosts}",
            GraphJsonContext.Default.GraphListInstagramMedia, cancellationToken).ConfigureAwait(false);
        foreach (var item in media.Data ?? [])
        {
            if (item.Id is null)
            {
                continue;
            }

            var comments = await graph.GetAsync(account,
                $"{GraphPaths.Escape(item.Id)}/comments?fields=id,text,timestamp,username,from{{id,username}}&limit=50",
                GraphJsonContext.Default.GraphListInstagramComment, cancellationToken).ConfigureAwait(false);
            foreach (var comment in comments.Data ?? [])
            {
                if (comment.Id is null || GraphPaths.ParseTime(comment.Timestamp) is not { } created)
                {
                    continue;
                }

                var fromId = comment.From?.Id;
                batch.Add(new InboxItem
                {
                    Account = account,
                    Id = comment.Id,
                    Kind = InboxItemKind.Comment,
                    ThreadId = item.Id,
                    From = fromId is not null || comment.Username is not null
                        ? new InboxParticipant(fromId ?? comment.Username!, comment.From?.Username ?? comment.Username)
                        : null,
                    Text = comment.Text,
                    CreatedAt = created,
                    IsFromSelf = fromId == account.PlatformAccountId,
                    Metadata = new Dictionary<string, string>(1) { ["meta.media_id"] = item.Id },
                });
            }
        }

        foreach (var found in batch.Ordered())
        {
            yield return found;
        }
    }
}
