using System.Text.Json.Nodes;

namespace Rizquna.SampleHost.DryRun;

/// <summary>
/// The request a live connector would send for a post or a reply, in the platform's own shape
/// (platform-contracts.md): method, path and body. Tokens are never part of it.
/// </summary>
internal static class DryRunRequests
{
    public static JsonObject ForPost(PublishRequest request)
    {
        var account = request.Account;
        var post = request.Post;
        var text = post.Link is null || post.Text.Contains(post.Link.AbsoluteUri, StringComparison.Ordinal)
            ? post.Text
            : post.Text + "\n" + post.Link.AbsoluteUri;
        var image = post.Media.FirstOrDefault(static m => m.Kind == MediaKind.Image)?.Url?.AbsoluteUri;
        var video = post.Media.FirstOrDefault(static m => m.Kind == MediaKind.Video)?.Url?.AbsoluteUri;
        return account.Platform.Value switch
        {
            "telegram" when image is not null => Request("POST", "/bot{token}/sendPhoto", new JsonObject
            {
                ["chat_id"] = account.PlatformAccountId, ["photo"] = image, ["caption"] = text, ["parse_mode"] = "HTML",
            }),
            "telegram" => Request("POST", "/bot{token}/sendMessage", new JsonObject
            {
                ["chat_id"] = account.PlatformAccountId, ["text"] = text, ["parse_mode"] = "HTML",
            }),
            "facebook" when image is not null => Request("POST", $"/{account.PlatformAccountId}/photos", new JsonObject
            {
                ["url"] = image, ["caption"] = text, ["published"] = true,
            }),
            "facebook" => Request("POST", $"/{account.PlatformAccountId}/feed", new JsonObject
            {
                ["message"] = post.Text, ["link"] = post.Link?.AbsoluteUri,
            }),
            "instagram" => Request("POST", $"/{account.PlatformAccountId}/media", new JsonObject
            {
                ["image_url"] = image, ["video_url"] = video, ["media_type"] = video is null ? null : "REELS", ["caption"] = text,
            }, then: $"POST /{account.PlatformAccountId}/media_publish?creation_id={{container-id}}"),
            "tiktok" => Request("POST", "/v2/post/publish/content/init/", new JsonObject
            {
                ["post_info"] = new JsonObject { ["title"] = post.Text, ["privacy_level"] = "SELF_ONLY" },
                ["source_info"] = new JsonObject { ["source"] = "PULL_FROM_URL", ["photo_images"] = new JsonArray(image) },
                ["post_mode"] = "DIRECT_POST",
                ["media_type"] = "PHOTO",
            }),
            "whatsapp" when image is not null => Request("POST", "/api/sendImage", new JsonObject
            {
                ["session"] = "default", ["chatId"] = account.PlatformAccountId,
                ["file"] = new JsonObject { ["url"] = image, ["mimetype"] = "image/jpeg" }, ["caption"] = text,
            }),
            "whatsapp" => Request("POST", "/api/sendText", new JsonObject
            {
                ["session"] = "default", ["chatId"] = account.PlatformAccountId, ["text"] = text,
            }),
            _ => Request("POST", "(unknown platform)", new JsonObject { ["text"] = text }),
        };
    }

    public static JsonObject ForReply(ReplyRequest request)
    {
        var item = request.InReplyTo;
        var account = item.Account;
        return account.Platform.Value switch
        {
            "telegram" => Request("POST", "/bot{token}/sendMessage", new JsonObject
            {
                ["chat_id"] = item.ThreadId ?? account.PlatformAccountId, ["text"] = request.Text,
                ["reply_parameters"] = new JsonObject { ["message_id"] = item.Id },
            }),
            "whatsapp" => Request("POST", "/api/sendText", new JsonObject
            {
                ["session"] = "default", ["chatId"] = item.ThreadId ?? item.From?.Id, ["text"] = request.Text, ["reply_to"] = item.Id,
            }),
            "instagram" => Request("POST", $"/{item.Id}/replies", new JsonObject { ["message"] = request.Text }),
            _ => Request("POST", $"/{item.Id}/comments", new JsonObject { ["message"] = request.Text }),
        };
    }

    private static JsonObject Request(string method, string path, JsonObject body, string? then = null)
    {
        // Drop nulls so the record shows only what would be sent.
        foreach (var key in body.Where(static p => p.Value is null).Select(static p => p.Key).ToArray())
        {
            body.Remove(key);
        }

        var request = new JsonObject { ["method"] = method, ["path"] = path, ["body"] = body };
        if (then is not null)
        {
            request["then"] = then;
        }

        return request;
    }
}
