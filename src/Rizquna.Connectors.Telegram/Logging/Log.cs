using Microsoft.Extensions.Logging;

namespace Rizquna.Connectors.Telegram;

/// <summary>Source-generated log messages. None of them carries a token or a URL (the token is in the URL path).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Telegram {Method} answered {Status}")]
    public static partial void Called(ILogger logger, string method, int status);

    [LoggerMessage(2, LogLevel.Warning, "Telegram {Method} failed with HTTP {Status}: {Kind}")]
    public static partial void CallFailed(ILogger logger, string method, int status, PlatformErrorKind kind);

    [LoggerMessage(3, LogLevel.Warning, "Telegram {Method} got no response: {Kind}")]
    public static partial void TransportFailed(ILogger logger, string method, PlatformErrorKind kind);

    [LoggerMessage(4, LogLevel.Warning, "Telegram chat {OldChatId} of account {Account} migrated to {NewChatId}; update the account's chat id")]
    public static partial void ChatMigrated(ILogger logger, string oldChatId, string account, long newChatId);

    [LoggerMessage(5, LogLevel.Warning, "Telegram post {PostId} of account {Account} was published, but its full-text reply failed: {Kind}")]
    public static partial void FollowUpFailed(ILogger logger, string postId, string account, PlatformErrorKind kind);

    [LoggerMessage(6, LogLevel.Warning, "Telegram report {ReportId} could not reach admin chat {ChatId}: {Kind}")]
    public static partial void ReportFailed(ILogger logger, string reportId, string chatId, PlatformErrorKind kind);
}
