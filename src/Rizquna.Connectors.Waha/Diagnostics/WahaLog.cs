using Microsoft.Extensions.Logging;

namespace Rizquna.Connectors.Waha.Diagnostics;

/// <summary>Source-generated log messages. Never pass a key, a token or a message body here.</summary>
internal static partial class WahaLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "WAHA session {Session} is {Status}: account paused until the QR code is scanned")]
    public static partial void SessionPaused(ILogger logger, string session, string status);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Reporter {Reporter} could not deliver the WAHA session alert ({Error})")]
    public static partial void AlertFailed(ILogger logger, string reporter, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "No reporter delivered the alert '{Title}'; register a non-WhatsApp IReporter (e.g. Telegram)")]
    public static partial void AlertNotDelivered(ILogger logger, string title);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "WAHA {Operation} failed: {Kind} (HTTP {Status})")]
    public static partial void CallFailed(ILogger logger, string operation, PlatformErrorKind kind, int? status);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "WAHA webhook refused: {Reason}")]
    public static partial void WebhookRefused(ILogger logger, string reason);
}
