namespace Rizquna.Connectors.Waha;

/// <summary>What the host should answer a WAHA webhook with.</summary>
public enum WahaWebhookStatus
{
    /// <summary>Verified and handled (answer 200).</summary>
    Accepted,
    /// <summary>Verified, but an event this connector does not handle (answer 200 so WAHA stops retrying).</summary>
    Ignored,
    /// <summary>The signature is missing, wrong, or of another algorithm (answer 401).</summary>
    Unauthorized,
    /// <summary>The body is not a WAHA event (answer 400).</summary>
    BadRequest,
}

/// <summary>The outcome of one WAHA webhook call.</summary>
public sealed record WahaWebhookResult
{
    /// <summary>How the host should answer.</summary>
    public required WahaWebhookStatus Status { get; init; }

    /// <summary>The event name (<c>message</c>, <c>message.any</c>, <c>session.status</c> …), when the body was read.</summary>
    public string? Event { get; init; }

    /// <summary>The session the event is about, when the body was read.</summary>
    public string? Session { get; init; }

    /// <summary>New messages from others, duplicates and own messages removed (empty for other events).</summary>
    public IReadOnlyList<InboxItem> Items { get; init; } = [];

    /// <summary>The new session status of a <c>session.status</c> event.</summary>
    public string? SessionStatus { get; init; }

    /// <summary>Why the call was refused, safe to log (no secret, no body).</summary>
    public string? Reason { get; init; }
}
