namespace Rizquna;

/// <summary>
/// The one exception connectors throw for platform failures. It carries what the kernel acts on (<see cref="Kind"/>,
/// <see cref="RetryAfter"/>, <see cref="Cooldown"/>) and what an operator needs to investigate (the platform's code,
/// subcode, trace id and a truncated raw body). It never carries a secret: connectors redact before constructing it.
/// </summary>
public class PlatformException : Exception
{
    /// <summary>The longest raw body kept, in characters.</summary>
    public const int MaxRawBodyLength = 4096;

    /// <summary>Creates the exception.</summary>
    public PlatformException(PlatformId platform, PlatformErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Platform = platform;
        Kind = kind;
    }

    /// <summary>The platform that failed.</summary>
    public PlatformId Platform { get; }

    /// <summary>What the kernel should do about it.</summary>
    public PlatformErrorKind Kind { get; }

    /// <summary>How long the platform asked to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A longer pause the connector recommends for the account (policy blocks, spam risk), when any.</summary>
    public TimeSpan? Cooldown { get; init; }

    /// <summary>The platform's error code (Graph <c>code</c>, TikTok <c>error.code</c>, Telegram <c>error_code</c>).</summary>
    public string? PlatformCode { get; init; }

    /// <summary>The platform's error subcode (Graph <c>error_subcode</c>), when any.</summary>
    public string? PlatformSubcode { get; init; }

    /// <summary>The platform's trace id (Graph <c>fbtrace_id</c>, TikTok <c>log_id</c>).</summary>
    public string? TraceId { get; init; }

    /// <summary>The HTTP status, when there was a response.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>The response body, cut to <see cref="MaxRawBodyLength"/> characters.</summary>
    public string? RawBody
    {
        get => _rawBody;
        init => _rawBody = Truncate(value);
    }

    private readonly string? _rawBody;

    /// <summary>Whether the kernel may retry the same request later (after reconciling, for <see cref="PlatformErrorKind.OutcomeUnknown"/>).</summary>
    public bool IsRetryable => Kind is PlatformErrorKind.Transient or PlatformErrorKind.RateLimited or PlatformErrorKind.OutcomeUnknown;

    /// <summary>Cuts a body to <see cref="MaxRawBodyLength"/> characters without splitting a surrogate pair, marking the cut.</summary>
    public static string? Truncate(string? body)
    {
        if (body is null || body.Length <= MaxRawBodyLength)
        {
            return body;
        }

        const string marker = "…[truncated]";
        // The marker counts toward the limit, so a stored body is never longer than MaxRawBodyLength.
        var cut = MaxRawBodyLength - marker.Length;
        if (char.IsHighSurrogate(body[cut - 1]))
        {
            cut--;
        }

        return string.Concat(body.AsSpan(0, cut), marker);
    }
}
