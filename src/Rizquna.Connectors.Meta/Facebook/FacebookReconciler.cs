using Rizquna.Connectors.Meta.Graph;
using Rizquna.Connectors.Meta.Graph.Models;

namespace Rizquna.Connectors.Meta.Facebook;

/// <summary>
/// After an unknown outcome, lists the Page's posts made since the attempt (or its scheduled posts) and matches the
/// text: a match means the post exists and must not be published again.
/// </summary>
internal sealed class FacebookReconciler(GraphClient graph) : IPublishReconciler
{
    public PlatformId Platform => PlatformId.Facebook;

    public async Task<ReconcileResult> ReconcileAsync(PublishRequest request, DateTimeOffset attemptStartedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var skew = graph.Options.ReconcileClockSkew;
        var since = attemptStartedAt - skew;
        var scheduled = request.Post.ScheduledPublishTime is not null;
        var edge = scheduled ? "scheduled_posts" : "posts";
        var path = $"{GraphPaths.Escape(request.Account.PlatformAccountId)}/{edge}?fields=id,message,created_time,permalink_url&since={GraphPaths.UnixSeconds(since)}&limit=50";

        GraphList<FacebookPost> posts;
        try
        {
            posts = await graph.GetAsync(request.Account, path, GraphJsonContext.Default.GraphListFacebookPost, cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformException)
        {
            return ReconcileResult.Unknown;
        }

        var expected = Normalize(ExpectedMessage(request.Post));
        foreach (var candidate in posts.Data ?? [])
        {
            var created = GraphPaths.ParseTime(candidate.CreatedTime);
            if (candidate.Id is null || (created is { } at && at < since))
            {
                continue;
            }

            if (string.Equals(Normalize(candidate.Message), expected, StringComparison.Ordinal))
            {
                return ReconcileResult.Found(new PublishResult(candidate.Id, GraphPaths.ToUri(candidate.PermalinkUrl), created ?? graph.Time.GetUtcNow())
                {
                    State = scheduled ? PublishState.Scheduled : PublishState.Published,
                });
            }
        }

        return ReconcileResult.NotFound;
    }

    private static string ExpectedMessage(Post post)
    {
        // Photo posts carry the link in the caption (see FacebookPagePublisher).
        if (post.Media.Count == 1 && post.Link is { } link && !post.Text.Contains(link.AbsoluteUri, StringComparison.Ordinal))
        {
            return post.Text.Length == 0 ? link.AbsoluteUri : post.Text + "\n" + link.AbsoluteUri;
        }

        return post.Text;
    }

    private static string Normalize(string? text) => (text ?? string.Empty).ReplaceLineEndings("\n").Trim();
}
