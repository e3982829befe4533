using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;
using Rizquna.Http;

namespace Rizquna.Connectors.Meta.Graph;

/// <summary>
/// Replaces the factory's default request logging for the Graph client: the URL is logged only after
/// <see cref="SecretRedactor"/> (tokens, <c>input_token</c>, <c>appsecret_proof</c>), and no header is logged at all.
/// </summary>
internal sealed partial class RedactingHttpLogger(ILogger<RedactingHttpLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            Completed(logger, request.Method.Method, SecretRedactor.RedactUrl(request.RequestUri), (int)response.StatusCode, elapsed.TotalMilliseconds);
        }
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            Failed(logger, request.Method.Method, SecretRedactor.RedactUrl(request.RequestUri), exception.GetType().Name, elapsed.TotalMilliseconds);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Graph {Method} {Url} -> {Status} in {ElapsedMs:0.#} ms")]
    private static partial void Completed(ILogger logger, string method, string url, int status, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Graph {Method} {Url} failed ({Error}) after {ElapsedMs:0.#} ms")]
    private static partial void Failed(ILogger logger, string method, string url, string error, double elapsedMs);
}
