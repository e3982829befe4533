using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rizquna.Connectors.Telegram.BotApi;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// Publishes to a Telegram channel or chat (the account's <see cref="AccountRef.PlatformAccountId"/>, or
/// <see cref="TelegramOptions.ChatId"/>): text with <c>sendMessage</c>, one photo or video with <c>sendPhoto</c>/<c>sendVideo</c>,
/// 2–10 items as an album with <c>sendMediaGroup</c>. Text is escaped for HTML parse mode. A text longer than a caption
/// is handled by <see cref="TelegramOptions.CaptionOverflow"/>, so it never earns a 400.
/// </summary>
/// <remarks>
/// The Bot API has no idempotency key and no way to read a channel's history, so a send is attempted once and a failure
/// after sending is reported as <see cref="PlatformErrorKind.OutcomeUnknown"/>.
/// </remarks>
public sealed class TelegramPublisher : IPublisher
{
    private readonly BotApiClient _api;
    private readonly ChatSender _sender;
    private readonly MediaRequests _media;
    private readonly TelegramOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private ResolvedChat? _lastChat;

    internal TelegramPublisher(
        BotApiClient api, ChatSender sender, IOptions<TelegramOptions> options, TimeProvider timeProvider, ILogger<TelegramPublisher> logger)
    {
        _api = api;
        _sender = sender;
        _media = new MediaRequests(api);
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        Limits = KnownPlatformLimits.Telegram with
        {
            MaxTextLength = _options.MaxTextLength,
            MaxTextLengthWithMedia = _options.MaxCaptionLength,
        };
    }

    /// <summary>The album limit of <c>sendMediaGroup</c>.</summary>
    public const int MaxAlbumItems = 10;

    /// <inheritdoc />
    public PlatformId Platform => PlatformId.Telegram;

    /// <inheritdoc />
    /// <remarks>Texts between the caption and the message limit are still published with media, through the caption-overflow fallback.</remarks>
    public PlatformLimits Limits { get; }

    /// <inheritdoc />
    public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        // Not an async method: validation failures still surface through the returned task, and a text send that
        // completed at once needs no state machine here.
        string chatId, text;
        Post post;
        try
        {
            ArgumentNullException.ThrowIfNull(request);
            chatId = ResolveChatId(request.Account);
            post = request.Post;
            text = ComposeText(post);
            Validate(post, text);
        }
        catch (Exception ex)
        {
            return Task.FromException<PublishResult>(ex);
        }

        var account = request.Account;
        var silent = _options.DisableNotification;
        if (post.HasMedia)
        {
            return PublishWithMediaAsync(account, chatId, post, text, silent, cancellationToken);
        }

        ValueTask<(Message Result, string ChatId, long? MigratedTo)> sending;
        try
        {
            sending = _sender.SendAsync(account, chatId, (Self: this, Account: account, Text: text, Silent: silent),
                static (chat, s, ct) => s.Self.SendTextAsync(s.Account, chat, s.Text, null, null, s.Silent, ct), cancellationToken);
        }
        catch (Exception ex)
        {
            return Task.FromException<PublishResult>(ex);
        }

        if (sending.IsCompletedSuccessfully)
        {
            var sent = sending.Result;
            return Task.FromResult(Result(sent.Result, album: null, sent.MigratedTo, reply: null));
        }

        return AwaitTextAsync(sending);
    }

    private async Task<PublishResult> AwaitTextAsync(ValueTask<(Message Result, string ChatId, long? MigratedTo)> sending)
    {
        var sent = await sending.ConfigureAwait(false);
        return Result(sent.Result, album: null, sent.MigratedTo, reply: null);
    }

    /// <summary>Media with the text as caption, or — when the text is too long for one — the caption-overflow fallback.</summary>
    private async Task<PublishResult> PublishWithMediaAsync(
        AccountRef account, string chatId, Post post, string text, bool silent, CancellationToken cancellationToken)
    {
        if (text.Length <= _options.MaxCaptionLength)
        {
            var caption = text.Length == 0 ? null : TelegramHtml.Escape(text);
            var sent = await _sender.SendAsync(account, chatId,
                (chat, ct) => _media.SendAsync(account, chat, post.Media, caption, silent, ct), cancellationToken).ConfigureAwait(false);
            return Result(sent.Result, sent.MigratedTo, null);
        }

        if (_options.CaptionOverflow == TelegramCaptionOverflow.TextWithLinkPreview && post.Media is [{ Url: { } previewUrl }])
        {
            var preview = new LinkPreviewOptions { Url = previewUrl.AbsoluteUri, PreferLargeMedia = true, ShowAboveText = true };
            var sent = await _sender.SendAsync(account, chatId,
                (chat, ct) => SendTextAsync(account, chat, text, preview, null, silent, ct), cancellationToken).ConfigureAwait(false);
            return Result(sent.Result, album: null, sent.MigratedTo, reply: null);
        }

        // Media with a short caption, then the full text as a reply to it.
        var shortCaption = TextTrimmer.Trim(text, Math.Min(_options.ShortCaptionLength, _options.MaxCaptionLength));
        var media = await _sender.SendAsync(account, chatId,
            (chat, ct) => _media.SendAsync(account, chat, post.Media, shortCaption.Length == 0 ? null : TelegramHtml.Escape(shortCaption), silent, ct),
            cancellationToken).ConfigureAwait(false);
        var first = media.Result[0];
        try
        {
            var reply = await _sender.SendAsync(account, media.ChatId,
                (chat, ct) => SendTextAsync(account, chat, text, null, new ReplyParameters(first.MessageId) { AllowSendingWithoutReply = true }, silent, ct),
                cancellationToken).ConfigureAwait(false);
            return Result(media.Result, media.MigratedTo, reply.Result);
        }
        catch (PlatformException ex)
        {
            // The media is live: failing the publish would invite a retry that posts it twice. Report it in the details instead.
            var partial = Result(media.Result, media.MigratedTo, null);
            Log.FollowUpFailed(_logger, partial.PlatformPostId, account.ToString(), ex.Kind);
            var details = new Dictionary<string, string>(partial.Details, StringComparer.Ordinal)
            {
                ["telegram.followup_error"] = ex.Message,
            };
            return partial with { Details = details };
        }
    }

    private Task<Message> SendTextAsync(
        AccountRef account, string chatId, string text, LinkPreviewOptions? preview, ReplyParameters? replyTo, bool silent, CancellationToken cancellationToken) =>
        _api.CallAsync(account, "sendMessage",
            new SendMessageRequest(chatId, TelegramHtml.Escape(text))
            {
                LinkPreviewOptions = preview,
                ReplyParameters = replyTo,
                DisableNotification = silent ? true : null,
            },
            BotApiJsonContext.Wire.SendMessageRequest, BotApiJsonContext.Wire.ApiResponseMessage, createsContent: true, cancellationToken);

    private string ResolveChatId(AccountRef account)
    {
        ArgumentNullException.ThrowIfNull(account);
        // Checking is a pure function of the account's id string: the same instance as last time passed already.
        if (Volatile.Read(ref _lastChat) is { } last && ReferenceEquals(last.PlatformAccountId, account.PlatformAccountId))
        {
            return last.ChatId;
        }

        var chatId = string.IsNullOrWhiteSpace(account.PlatformAccountId) ? _options.ChatId : account.PlatformAccountId.Trim();
        if (!TelegramChatId.IsValid(chatId))
        {
            throw new PlatformException(PlatformId.Telegram, PlatformErrorKind.Permanent,
                $"Account '{account}' has no valid Telegram chat id ('{chatId}'): use @channelusername or a numeric id, in the account's platform id or Rizquna:Telegram:ChatId.");
        }

        Volatile.Write(ref _lastChat, new ResolvedChat(account.PlatformAccountId, chatId!));
        return chatId!;
    }

    private sealed record ResolvedChat(string PlatformAccountId, string ChatId);

    /// <summary>The post's text, with its link appended when the text does not already carry it.</summary>
    internal static string ComposeText(Post post)
    {
        var text = post.Text.Trim();
        if (post.Link is { } link && !text.Contains(link.AbsoluteUri, StringComparison.Ordinal) && !text.Contains(link.OriginalString, StringComparison.Ordinal))
        {
            text = text.Length == 0 ? link.AbsoluteUri : text + "\n\n" + link.AbsoluteUri;
        }

        return text;
    }

    private void Validate(Post post, string text)
    {
        if (!post.HasMedia && text.Length == 0)
        {
            throw Invalid("a post without media needs a text.");
        }

        if (text.Length > _options.MaxTextLength)
        {
            throw Invalid($"the text has {text.Length} characters; Telegram accepts at most {_options.MaxTextLength} (Rizquna:Telegram:MaxTextLength).");
        }

        if (post.Media.Count > MaxAlbumItems)
        {
            throw Invalid($"an album holds 2–{MaxAlbumItems} items; this post has {post.Media.Count}.");
        }

        if (post.Media.Count == 0)
        {
            return; // no enumerator for a text post
        }

        foreach (var item in post.Media)
        {
            if (item.LocalPath is not { } path)
            {
                continue;
            }

            var file = new FileInfo(path);
            if (!file.Exists)
            {
                throw Invalid($"the media file '{path}' does not exist.");
            }

            var limit = item.Kind == MediaKind.Image ? _options.MaxPhotoUploadBytes : _options.MaxUploadBytes;
            if (file.Length > limit)
            {
                throw Invalid($"the media file '{path}' has {file.Length} bytes; the upload limit is {limit}.");
            }
        }
    }

    private static PlatformException Invalid(string why) =>
        new(PlatformId.Telegram, PlatformErrorKind.InvalidContent, "telegram: " + why);

    /// <summary>The result of an album's or a media post's send (see the overload below).</summary>
    private PublishResult Result(IReadOnlyList<Message> messages, long? migratedTo, Message? reply) =>
        Result(messages[0], messages.Count > 1 ? messages : null, migratedTo, reply);

    /// <summary>
    /// The result of a publish: <paramref name="first"/> is the post (an album's first item), <paramref name="album"/> all
    /// of an album's messages (null for one message), <paramref name="reply"/> the caption-overflow follow-up.
    /// </summary>
    private PublishResult Result(Message first, IReadOnlyList<Message>? album, long? migratedTo, Message? reply)
    {
        var chatId = first.Chat.Id.ToString(CultureInfo.InvariantCulture);
        var messageId = first.MessageId.ToString(CultureInfo.InvariantCulture);
        var details = new KeyValuePair<string, string>[2 + (album is null ? 0 : 1) + (migratedTo is null ? 0 : 1) + (reply is null ? 0 : 1)];
        details[0] = new("telegram.chat_id", chatId);
        details[1] = new("telegram.message_id", messageId);
        var next = 2;
        if (album is not null)
        {
            details[next++] = new("telegram.message_ids", string.Join(',', album.Select(static m => m.MessageId.ToString(CultureInfo.InvariantCulture))));
        }

        if (migratedTo is { } newChatId)
        {
            details[next++] = new("telegram.migrated_chat_id", newChatId.ToString(CultureInfo.InvariantCulture));
        }

        if (reply is not null)
        {
            details[next] = new("telegram.reply_message_id", reply.MessageId.ToString(CultureInfo.InvariantCulture));
        }

        var publishedAt = first.Date > 0 ? DateTimeOffset.FromUnixTimeSeconds(first.Date) : _timeProvider.GetUtcNow();
        return new PublishResult(string.Concat(chatId, ":", messageId), TelegramChatId.Permalink(first.Chat, chatId, messageId), publishedAt)
        {
            Details = new PublishDetails(details),
        };
    }

    /// <summary>A message's id across chats: <c>chat_id:message_id</c> (message ids are only unique within a chat).</summary>
    internal static string MessageKey(Message message) =>
        message.Chat.Id.ToString(CultureInfo.InvariantCulture) + ":" + message.MessageId.ToString(CultureInfo.InvariantCulture);
}
