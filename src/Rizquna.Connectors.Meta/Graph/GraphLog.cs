using Microsoft.Extensions.Logging;

namespace Rizquna.Connectors.Meta.Graph;

/// <summary>
/// The Graph client's log lines. The URL is always passed through <c>SecretRedactor</c> first and no header is logged;
/// the factory's own request logging is removed from the client, since it would print token-bearing query strings.
/// </summary>
internal static partial class GraphLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Graph {Method} {Url} succeeded in {ElapsedMs:0.#} ms")]
    public static partial void Completed(ILogger logger, string method, string url, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Graph {Method} {Url} failed: {Kind} {Code}/{Subcode} (trace {TraceId}) after {ElapsedMs:0.#} ms")]
    public static partial void Failed(ILogger logger, string method, string url, PlatformErrorKind kind, string? code, string? subcode, string? traceId, double elapsedMs);
}
