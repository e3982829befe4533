using System.Net;
using System.Text.Json;
using Rizquna.Http;

namespace Rizquna.Connectors.Waha.Api;

/// <summary>
/// Maps a WAHA error response to a <see cref="PlatformException"/> (platform-contracts.md §4.1):
/// 401 → auth expired (wrong <c>X-Api-Key</c>); 403 → forbidden; 404 → permanent (unknown session or chat);
/// 422 "session status is not as expected" → the session state (<see cref="SessionState"/>), not a generic failure;
/// 422 Plus-only or Core-session limits → permanent; other 400/422 → invalid content; 429 → rate limited;
/// 5xx → outcome unknown on a send, transient on a read.
/// </summary>
internal static class WahaErrorMapper
{
    public static PlatformException Map(HttpStatusCode status, string body, bool createsContent, TimeSpan? retryAfter, string? apiKey)
    {
        var safeBody = SecretRedactor.Redact(body, apiKey);
        var parsed = TryParse(safeBody);
        var message = parsed is null ? null : ReadMessage(parsed);
        var code = (int)status;

        if (code == 422 && parsed?.Status is { Length: > 0 } sessionStatus && LooksLikeSessionState(message))
        {
            return SessionState(sessionStatus, parsed.Session, safeBody);
        }

        var (kind, explanation) = code switch
        {
            401 => (PlatformErrorKind.AuthExpired, "the gateway refused the API key (check Rizquna:Waha:ApiKey)"),
            403 => (PlatformErrorKind.Forbidden, "the gateway forbids this call"),
            404 => (PlatformErrorKind.Permanent, "not found (unknown session or chat)"),
            408 => (PlatformErrorKind.Transient, "the gateway timed out"),
            429 => (PlatformErrorKind.RateLimited, "too many requests"),
            422 when IsEditionLimit(message) => (PlatformErrorKind.Permanent, "the gateway's edition does not support this (WAHA Plus needed)"),
            400 or 413 or 415 or 422 => (PlatformErrorKind.InvalidContent, "the gateway rejected the request"),
            >= 500 => (TransportFailure.KindForServerError(createsContent), createsContent
                ? "server error after the message was sent; the outcome is unknown"
                : "server error"),
            _ => (PlatformErrorKind.Permanent, "unexpected response"),
        };

        var text = message is null ? $"WAHA: {explanation} (HTTP {code})." : $"WAHA: {explanation} (HTTP {code}): {Cut(message)}";
        return new PlatformException(PlatformId.WhatsApp, kind, text)
        {
            HttpStatus = code,
            PlatformCode = code.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RawBody = safeBody,
            RetryAfter = retryAfter,
        };
    }

    /// <summary>The error for a session that is not WORKING: pause the account until someone scans the QR code.</summary>
    public static PlatformException SessionState(string status, string? session, string? rawBody = null) =>
        new(PlatformId.WhatsApp, PlatformErrorKind.ReauthorizationRequired,
            $"WAHA: session '{session}' is {status}, not WORKING: scan the QR code (or start the session) on the gateway.")
        {
            HttpStatus = rawBody is null ? null : 422,
            PlatformCode = status,
            RawBody = rawBody,
        };

    private static bool LooksLikeSessionState(string? message) =>
        message is null || message.Contains("status is not as expected", StringComparison.OrdinalIgnoreCase);

    private static bool IsEditionLimit(string? message) =>
        message is not null && (message.Contains("Plus version", StringComparison.OrdinalIgnoreCase)
                                || message.Contains("Core support only", StringComparison.OrdinalIgnoreCase));

    private static ErrorDto? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, WahaJsonContext.Default.ErrorDto);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // NestJS puts the text in "message" (a string, or an array of validation messages); the 422 session body in "error".
    private static string? ReadMessage(ErrorDto error)
    {
        var message = Text(error.Message);
        var detail = Text(error.Error);
        return (message, detail) switch
        {
            (null, null) => null,
            (null, _) => detail,
            (_, null) => message,
            _ => detail.Length > message.Length ? detail : message, // "Not Found" is shorter than the explanation
        };
    }

    private static string? Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Array => string.Join("; ", element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString())),
        _ => null,
    };

    private static string Cut(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 300), "…");
}
