using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rizquna.Connectors.Telegram.BotApi;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// Sends reports and alerts to the admin chats of <see cref="TelegramReporterOptions.AdminChatIds"/>: a bold title with
/// a severity mark, then the body, escaped and split on line boundaries into messages under the text limit.
/// Every admin chat is tried; the first failure is thrown after the others were attempted.
/// </summary>
public sealed class TelegramReporter : IReporter
{
    private readonly BotApiClient _api;
    private readonly ChatSender _sender;
    private readonly TelegramOptions _options;
    private readonly ILogger _logger;

    internal TelegramReporter(BotApiClient api, ChatSender sender, IOptions<TelegramOptions> options, ILogger<TelegramReporter> logger)
    {
        _api = api;
        _sender = sender;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Name => "telegram";

    /// <inheritdoc />
    public async Task SendAsync(Report report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var chats = _options.Reporter.AdminChatIds;
        if (chats.Count == 0)
        {
            throw new PlatformException(PlatformId.Telegram, PlatformErrorKind.Permanent,
                "telegram: no admin chat for reports; set Rizquna:Telegram:Reporter:AdminChatIds.");
        }

        var messages = Format(report, _options.MaxTextLength);
        PlatformException? firstFailure = null;
        foreach (var chatId in chats)
        {
            var account = new AccountRef(PlatformId.Telegram, _options.Reporter.AccountKey, chatId);
            try
            {
                foreach (var message in messages)
                {
                    await _sender.SendAsync(account, chatId,
                        (chat, ct) => _api.CallAsync(account, "sendMessage",
                            new SendMessageRequest(chat, message) { LinkPreviewOptions = NoPreview },
                            BotApiJsonContext.Wire.SendMessageRequest, BotApiJsonContext.Wire.ApiResponseMessage, createsContent: true, ct),
                        cancellationToken).ConfigureAwait(false);
                }
            }
            catch (PlatformException ex)
            {
                Log.ReportFailed(_logger, report.Id, chatId, ex.Kind);
                firstFailure ??= ex;
            }
        }

        if (firstFailure is not null)
        {
            throw firstFailure;
        }
    }

    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    /// <summary>The report as HTML messages of at most <paramref name="maxLength"/> characters each.</summary>
    internal static List<string> Format(Report report, int maxLength)
    {
        var mark = report.Severity switch
        {
            ReportSeverity.Critical => "🚨 ",
            ReportSeverity.Warning => "⚠️ ",
            _ => "",
        };
        var header = "<b>" + mark + TelegramHtml.Escape(report.Title) + "</b>";
        if (header.Length > maxLength)
        {
            header = "<b>" + TelegramHtml.Escape(TextTrimmer.Trim(report.Title, maxLength / 6)) + "</b>";
        }

        return ReportSplitter.Split(header, report.Body, maxLength);
    }
}
