using Microsoft.Extensions.Options;
using Rizquna.Connectors.Waha.Api;

namespace Rizquna.Connectors.Waha.Publishing;

/// <summary>
/// Publishes a post to a WhatsApp chat, group or channel: <c>sendText</c> for text, <c>sendImage</c>/<c>sendVideo</c>/<c>sendFile</c>
/// with the text as caption for one media item. The target is <see cref="WahaMetadata.ChatId"/> or <see cref="WahaOptions.PublishChatId"/>.
/// </summary>
internal sealed class WahaPublisher : IPublisher
{
    private readonly WahaClient _client;
    private readonly IOptionsMonitor<WahaOptions> _options;

    // The last chat id normalised: publishing goes to the same configured chat again and again. Normalising is a pure
    // function of the two strings, so the same instances give the same answer.
    private ResolvedChat? _lastChat;

    public WahaPublisher(WahaClient client, IOptionsMonitor<WahaOptions> options)
    {
        _client = client;
        _options = options;
    }

    public PlatformId Platform => PlatformId.WhatsApp;

    public PlatformLimits Limits => KnownPlatformLimits.WhatsApp with
    {
        MaxTextLength = _options.CurrentValue.MaxTextLength,
        MaxTextLengthWithMedia = _options.CurrentValue.MaxTextLength,
    };

    private static int MaxMediaItems => KnownPlatformLimits.WhatsApp.MaxMediaItems;

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = _options.CurrentValue;
        var post = request.Post;
        var chatId = ResolveChat(post, options);
        var text = WithLink(post);
        post.Metadata.TryGetValue(WahaMetadata.ReplyTo, out var replyTo);

        if (post.Media.Count > MaxMediaItems)
        {
            throw new PlatformException(PlatformId.WhatsApp, PlatformErrorKind.InvalidContent,
                $"WAHA: a WhatsApp message carries one media item; this post has {post.Media.Count}.");
        }

        if (text.Length > options.MaxTextLength)
        {
            throw new PlatformException(PlatformId.WhatsApp, PlatformErrorKind.InvalidContent,
                $"WAHA: the text is {text.Length} characters, over the limit of {options.MaxTextLength} (Rizquna:Waha:MaxTextLength).");
        }

        WahaSent sent;
        if (post.HasMedia)
        {
            var media = post.Media[0];
            post.Metadata.TryGetValue(WahaMetadata.SendAs, out var sendAs);
            post.Metadata.TryGetValue(WahaMetadata.FileName, out var fileName);
            var endpoint = WahaMediaBuilder.Endpoint(media, sendAs);
            var file = await WahaMediaBuilder.BuildAsync(media, fileName, options.MaxInlineMediaBytes, cancellationToken).ConfigureAwait(false);
            sent = await _client.SendFileAsync(request.Account, endpoint, chatId, file, text, replyTo, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new PlatformException(PlatformId.WhatsApp, PlatformErrorKind.InvalidContent, "WAHA: the post has neither text nor media.");
            }

            sent = await _client.SendTextAsync(request.Account, chatId, text, replyTo, cancellationToken).ConfigureAwait(false);
        }

        return new PublishResult(sent.Id, null, sent.SentAt)
        {
            Details = new Dictionary<string, string>(StringComparer.Ordinal) { ["waha.chat_id"] = chatId },
        };
    }

    private string ResolveChat(Post post, WahaOptions options)
    {
        var raw = post.Metadata.TryGetValue(WahaMetadata.ChatId, out var fromPost) ? fromPost : options.PublishChatId;
        if (Volatile.Read(ref _lastChat) is { } last && ReferenceEquals(last.Raw, raw) && ReferenceEquals(last.CountryCode, options.CountryCode))
        {
            return last.ChatId;
        }

        if (string.IsNullOrWhiteSpace(raw))
        {
            throw new PlatformException(PlatformId.WhatsApp, PlatformErrorKind.Permanent,
                $"WAHA: no target chat: set post metadata '{WahaMetadata.ChatId}' or Rizquna:Waha:PublishChatId.");
        }

        if (!WahaChatId.TryNormalize(raw, out var chatId, out var error, options.CountryCode))
        {
            throw new PlatformException(PlatformId.WhatsApp, PlatformErrorKind.InvalidContent, "WAHA: " + error);
        }

        Volatile.Write(ref _lastChat, new ResolvedChat(raw, options.CountryCode, chatId));
        return chatId;
    }

    private sealed record ResolvedChat(string Raw, string CountryCode, string ChatId);

    private static string WithLink(Post post)
    {
        if (post.Link is null)
        {
            return post.Text;
        }

        var link = post.Link.AbsoluteUri;
        if (post.Text.Contains(link, StringComparison.Ordinal))
        {
            return post.Text;
        }

        return post.Text.Length == 0 ? link : post.Text + "\n" + link;
    }
}
