using System.Text.Json;

namespace Rizquna.Connectors.TikTok;

/// <summary>Turns a status into a <see cref="PublishResult"/>, or a <c>FAILED</c> status into the mapped error.</summary>
internal static class PublishResults
{
    public const string PublishIdDetail = "tiktok.publish_id";
    public const string StatusDetail = "tiktok.status";

    /// <summary>
    /// The result for a status. The post id is the first of <c>publicaly_available_post_id</c> (the platform's spelling)
    /// when present; otherwise (SELF_ONLY, moderation, inbox) the publish id stands in.
    /// </summary>
    public static PublishResult From(PublishStatusData status, string publishId, string? username, bool isPhoto, DateTimeOffset now)
    {
        var postId = FirstPostId(status);
        var state = status.Status switch
        {
            PublishStatusData.PublishComplete => PublishState.Published,
            PublishStatusData.SendToUserInbox => PublishState.SentToInbox,
            _ => PublishState.Processing,
        };
        Uri? permalink = postId is not null && !string.IsNullOrEmpty(username)
            ? new Uri($"https://www.tiktok.com/@{Uri.EscapeDataString(username)}/{(isPhoto ? "photo" : "video")}/{postId}")
            : null;

        return new PublishResult(postId ?? publishId, permalink, now)
        {
            State = state,
            Details = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [PublishIdDetail] = publishId,
                [StatusDetail] = status.Status ?? "unknown",
            },
        };
    }

    private static string? FirstPostId(PublishStatusData status)
    {
        if (status.PublicalyAvailablePostId is not { Count: > 0 } ids)
        {
            return null;
        }

        var first = ids[0];
        return first.ValueKind switch
        {
            JsonValueKind.Number => first.GetRawText(),
            JsonValueKind.String => first.GetString(),
            _ => null,
        };
    }
}
