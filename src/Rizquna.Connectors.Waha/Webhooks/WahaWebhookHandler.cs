using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rizquna.Connectors.Waha.Api;
using Rizquna.Connectors.Waha.Diagnostics;
using Rizquna.Connectors.Waha.Inbox;
using Rizquna.Connectors.Waha.Sessions;

namespace Rizquna.Connectors.Waha;

/// <summary>
/// Handles a WAHA webhook call: verifies <c>X-Webhook-Hmac</c> over the raw body, then turns <c>message</c> and
/// <c>message.any</c> events into inbox items (own messages and duplicates dropped; the poller shares the duplicate filter)
/// and <c>session.status</c> events into the session's health (a QR-scan state pauses the account and alerts once).
/// The host passes the raw request body and the two headers; it stores <see cref="WahaWebhookResult.Items"/>.
/// </summary>
public sealed class WahaWebhookHandler
{
    private readonly IOptionsMonitor<WahaOptions> _options;
    private readonly WahaSeenMessages _seen;
    private readonly WahaSessionMonitor _sessions;
    private readonly ILogger _logger;

    internal WahaWebhookHandler(IOptionsMonitor<WahaOptions> options, WahaSeenMessages seen, WahaSessionMonitor sessions, ILogger<WahaWebhookHandler>? logger = null)
    {
        _options = options;
        _seen = seen;
        _sessions = sessions;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Verifies and handles one webhook call.</summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="signature">The <c>X-Webhook-Hmac</c> header.</param>
    /// <param name="algorithm">The <c>X-Webhook-Hmac-Algorithm</c> header.</param>
    /// <param name="accountForSession">
    /// Maps a WAHA session name to the account it serves; by default the account key and platform id are both the session name.
    /// </param>
    /// <param name="cancellationToken">Cancels alert delivery.</param>
    public async Task<WahaWebhookResult> HandleAsync(
        ReadOnlyMemory<byte> body,
        string? signature,
        string? algorithm,
        Func<string, AccountRef>? accountForSession = null,
        CancellationToken cancellationToken = default)
    {
        var result = await HandleCoreAsync(body, signature, algorithm, accountForSession, cancellationToken).ConfigureAwait(false);
        WahaMetrics.Webhooks.Add(1, new KeyValuePair<string, object?>("status", result.Status.ToString()));
        return result;
    }

    private async Task<WahaWebhookResult> HandleCoreAsync(
        ReadOnlyMemory<byte> body,
        string? signature,
        string? algorithm,
        Func<string, AccountRef>? accountForSession,
        CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        if (options.WebhookHmacKey is { Length: > 0 } key)
        {
            var check = WahaWebhookSignature.Verify(body.Span, signature, algorithm, key);
            if (check != WahaSignatureCheck.Valid)
            {
                return Refused(check switch
                {
                    WahaSignatureCheck.Missing => "the X-Webhook-Hmac header is missing",
                    WahaSignatureCheck.WrongAlgorithm => "the X-Webhook-Hmac-Algorithm header is not sha512",
                    _ => "the X-Webhook-Hmac signature does not match the body",
                });
            }
        }
        else if (!options.AllowUnsignedWebhooks)
        {
            return Refused("no Rizquna:Waha:WebhookHmacKey is configured and unsigned webhooks are not allowed (Rizquna:Waha:AllowUnsignedWebhooks)");
        }

        WebhookEnvelopeDto? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body.Span, WahaJsonContext.Default.WebhookEnvelopeDto);
        }
        catch (JsonException)
        {
            envelope = null;
        }

        if (envelope?.Event is not { Length: > 0 } eventName || envelope.Session is not { Length: > 0 } session)
        {
            return new WahaWebhookResult { Status = WahaWebhookStatus.BadRequest, Reason = "the body is not a WAHA event (event and session are required)" };
        }

        var account = accountForSession?.Invoke(session) ?? new AccountRef(PlatformId.WhatsApp, session, session);
        switch (eventName)
        {
            case "message" or "message.any":
                return new WahaWebhookResult { Status = WahaWebhookStatus.Accepted, Event = eventName, Session = session, Items = Messages(account, session, envelope.Payload, eventName) };

            case "session.status":
                var status = envelope.Payload.ValueKind == JsonValueKind.Object
                    ? envelope.Payload.Deserialize(WahaJsonContext.Default.SessionStatusPayloadDto)?.Status
                    : null;
                await _sessions.ObserveAsync(account, session, status, cancellationToken).ConfigureAwait(false);
                return new WahaWebhookResult { Status = WahaWebhookStatus.Accepted, Event = eventName, Session = session, SessionStatus = status };

            default:
                return new WahaWebhookResult { Status = WahaWebhookStatus.Ignored, Event = eventName, Session = session };
        }
    }

    private IReadOnlyList<InboxItem> Messages(AccountRef account, string session, JsonElement payload, string eventName)
    {
        if (WahaMessageMapper.Read(payload) is not { } message
            || WahaMessageMapper.ToItem(account, session, message, payload, "webhook:" + eventName) is not { } item
            || !_seen.TryMarkNew(session, item.Id))
        {
            return [];
        }

        return [item];
    }

    private WahaWebhookResult Refused(string reason)
    {
        WahaLog.WebhookRefused(_logger, reason);
        return new WahaWebhookResult { Status = WahaWebhookStatus.Unauthorized, Reason = reason };
    }
}
