using System.Globalization;
using Microsoft.Extensions.Options;
using Rizquna.Connectors.Telegram.BotApi;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// Replies to a Telegram inbox item with <c>sendMessage</c> and <c>reply_parameters</c> (the reply quotes the message;
/// it is still sent if that message was deleted). The text is escaped for HTML parse mode and paced like any send.
/// </summary>
public sealed class TelegramResponder : IInboxResponder
{
    private readonly BotApiClient _api;
    private readonly ChatSender _sender;
    private readonly TelegramOptions _options;

    internal TelegramResponder(BotApiClient api, ChatSender sender, IOptions<TelegramOptions> options)
    {
        _api = api;
        _sender = sender;
        _options = options.Value;
    }

    /// <inheritdoc />
    public PlatformId Platform => PlatformId.Telegram;

    /// <inheritdoc />
    public async Task<ReplyResult> ReplyAsync(ReplyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var item = request.InReplyTo;
        if (!item.CanReply || !item.Metadata.TryGetValue(UpdateMapper.ChatIdKey, out var chatId))
        {
            throw new PlatformException(PlatformId.Telegram, PlatformErrorKind.Permanent,
                $"telegram: inbox item '{item.Id}' has no chat to reply in.");
        }

        if (request.Text.Length > _options.MaxTextLength)
        {
            throw new PlatformException(PlatformId.Telegram, PlatformErrorKind.InvalidContent,
                $"telegram: the reply has {request.Text.Length} characters; Telegram accepts at most {_options.MaxTextLength}.");
        }

        ReplyParameters? replyTo = item.Metadata.TryGetValue(UpdateMapper.MessageIdKey, out var messageId)
            && long.TryParse(messageId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new ReplyParameters(id) { AllowSendingWithoutReply = true }
            : null;
        var text = TelegramHtml.Escape(request.Text);
        var sent = await _sender.SendAsync(item.Account, chatId,
            (chat, ct) => _api.CallAsync(item.Account, "sendMessage",
                new SendMessageRequest(chat, text) { ReplyParameters = replyTo },
                BotApiJsonContext.Wire.SendMessageRequest, BotApiJsonContext.Wire.ApiResponseMessage, createsContent: true, ct),
            cancellationToken).ConfigureAwait(false);

        return new ReplyResult(TelegramPublisher.MessageKey(sent.Result), DateTimeOffset.FromUnixTimeSeconds(sent.Result.Date));
    }
}
