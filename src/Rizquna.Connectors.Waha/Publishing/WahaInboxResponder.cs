using Microsoft.Extensions.Options;
using Rizquna.Connectors.Waha.Api;

namespace Rizquna.Connectors.Waha.Publishing;

/// <summary>Replies in the item's chat with <c>sendText</c>, quoting the item (<c>reply_to</c>).</summary>
internal sealed class WahaInboxResponder : IInboxResponder
{
    private readonly WahaClient _client;
    private readonly IOptionsMonitor<WahaOptions> _options;

    public WahaInboxResponder(WahaClient client, IOptionsMonitor<WahaOptions> options)
    {
        _client = client;
        _options = options;
    }

    public PlatformId Platform => PlatformId.WhatsApp;

    public async Task<ReplyResult> ReplyAsync(ReplyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var item = request.InReplyTo;
        if (!WahaChatId.TryNormalize(item.ThreadId, out var chatId, out var error, _options.CurrentValue.CountryCode))
        {
            throw new PlatformException(PlatformId.WhatsApp, PlatformErrorKind.InvalidContent, "WAHA: cannot reply: " + error);
        }

        if (request.Text.Length > _options.CurrentValue.MaxTextLength)
        {
            throw new PlatformException(PlatformId.WhatsApp, PlatformErrorKind.InvalidContent,
                $"WAHA: the reply is {request.Text.Length} characters, over the limit of {_options.CurrentValue.MaxTextLength}.");
        }

        var sent = await _client.SendTextAsync(item.Account, chatId, request.Text, item.Id, cancellationToken).ConfigureAwait(false);
        return new ReplyResult(sent.Id, sent.SentAt);
    }
}
