using System.Globalization;
using Rizquna.Http;

namespace Rizquna.Connectors.Telegram.BotApi;

/// <summary>
/// Turns a Bot API error envelope (<c>{"ok":false,"error_code":…,"description":…,"parameters":{…}}</c>) into a
/// <see cref="PlatformException"/>. The mapping follows python-telegram-bot's: 400 bad request, 401/404 invalid token,
/// 403 forbidden, 409 conflict, 429 retry after, migrate_to_chat_id, 5xx network error.
/// </summary>
internal static class BotApiErrorMapper
{
    public static PlatformException Map(
        string method, int httpStatus, int? errorCode, string? description, ResponseParameters? parameters,
        TimeSpan? retryAfterHeader, string rawBody, bool createsContent, string token)
    {
        var code = errorCode ?? httpStatus;
        var said = SecretRedactor.Redact(string.IsNullOrWhiteSpace(description) ? $"HTTP {httpStatus}" : description, token);
        var body = SecretRedactor.Redact(rawBody, token);
        var codeText = code.ToString(CultureInfo.InvariantCulture);

        if (parameters?.MigrateToChatId is { } newChatId)
        {
            return new ChatMigratedException(
                $"telegram {method}: the group was upgraded to a supergroup with the new chat id {newChatId}; use that id for this account. ({said})",
                newChatId)
            {
                PlatformCode = codeText, HttpStatus = httpStatus, RawBody = body,
            };
        }

        var (kind, message) = code switch
        {
            429 => (PlatformErrorKind.RateLimited, $"telegram {method}: rate limited, retry after {(parameters?.RetryAfter ?? retryAfterHeader?.TotalSeconds)?.ToString(CultureInfo.InvariantCulture) ?? "an unknown delay"} s. ({said})"),
            400 => (PlatformErrorKind.InvalidContent, $"telegram {method}: the request was refused ({said})."),
            401 or 404 => (PlatformErrorKind.AuthExpired, $"telegram {method}: the bot token is invalid or revoked, or the method is unknown ({said})."),
            403 => (PlatformErrorKind.Forbidden, $"telegram {method}: the bot may not post here (blocked, kicked or not an admin) ({said})."),
            409 => (PlatformErrorKind.Permanent, $"telegram {method}: configuration conflict — another process is calling getUpdates with this bot token, or a webhook is active (call deleteWebhook or stop the other instance) ({said})."),
            >= 500 => (TransportFailure.KindForServerError(createsContent), createsContent
                ? $"telegram {method}: server error after the request was sent; the outcome is unknown ({said})."
                : $"telegram {method}: server error ({said})."),
            _ => (PlatformErrorKind.Permanent, $"telegram {method}: failed ({said})."),
        };

        // 5xx from a proxy in front of the API has an HTML body and no error_code: the HTTP status decides.
        if (errorCode is null && httpStatus >= 500)
        {
            kind = TransportFailure.KindForServerError(createsContent);
        }

        TimeSpan? retryAfter = parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : retryAfterHeader;
        return new PlatformException(PlatformId.Telegram, kind, message)
        {
            PlatformCode = codeText,
            HttpStatus = httpStatus,
            RawBody = body,
            RetryAfter = kind == PlatformErrorKind.RateLimited ? retryAfter ?? TimeSpan.FromSeconds(1) : null,
        };
    }
}
