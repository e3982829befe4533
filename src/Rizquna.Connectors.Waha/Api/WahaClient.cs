using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rizquna.Connectors.Waha.Diagnostics;
using Rizquna.Connectors.Waha.Sessions;
using Rizquna.Http;

namespace Rizquna.Connectors.Waha.Api;

/// <summary>A message WAHA accepted: its id and time.</summary>
internal readonly record struct WahaSent(string Id, DateTimeOffset SentAt);

/// <summary>
/// The WAHA HTTP calls. Sends the <c>X-Api-Key</c> on each request (never logged, redacted from bodies), ties each request to
/// the account for the circuit breaker, marks only reads as retryable, and turns every failure into a <see cref="PlatformException"/>.
/// </summary>
internal sealed class WahaClient
{
    public const string HttpClientName = "Rizquna.Waha";
    private const string ApiKeyHeader = "X-Api-Key";

    private readonly FactoryClientCache _clients;
    private readonly IOptionsMonitor<WahaOptions> _options;
    private readonly WahaSessionMonitor _sessions;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private SendUris? _sendUris;

    public WahaClient(
        IHttpClientFactory factory, IOptionsMonitor<WahaOptions> options, WahaSessionMonitor sessions, TimeProvider? time = null, ILogger<WahaClient>? logger = null,
        IOptionsMonitor<HttpClientFactoryOptions>? factoryOptions = null)
    {
        _clients = new FactoryClientCache(factory, HttpClientName, factoryOptions);
        _options = options;
        _sessions = sessions;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public WahaOptions Options => _options.CurrentValue;

    /// <summary>The session an account uses: its <see cref="AccountRef.PlatformAccountId"/>, or the configured default.</summary>
    public string SessionOf(AccountRef account) =>
        string.IsNullOrWhiteSpace(account.PlatformAccountId) ? _options.CurrentValue.Session : account.PlatformAccountId;

    public Task<WahaSent> SendTextAsync(AccountRef account, string chatId, string text, string? replyTo, CancellationToken cancellationToken)
    {
        var session = SessionOf(account);
        var body = new SendTextBody { Session = session, ChatId = chatId, Text = text, ReplyTo = replyTo, LinkPreview = _options.CurrentValue.LinkPreview };
        return SendAsync(account, session, "api/sendText", body, WahaJsonContext.Default.SendTextBody, cancellationToken);
    }

    /// <summary><c>POST /api/sendImage|sendVideo|sendFile</c> with a file by URL or base64 data.</summary>
    public Task<WahaSent> SendFileAsync(AccountRef account, string endpoint, string chatId, WahaFileBody file, string? caption, string? replyTo, CancellationToken cancellationToken)
    {
        var session = SessionOf(account);
        var body = new SendFileBody { Session = session, ChatId = chatId, File = file, Caption = string.IsNullOrEmpty(caption) ? null : caption, ReplyTo = replyTo };
        return SendAsync(account, session, endpoint, body, WahaJsonContext.Default.SendFileBody, cancellationToken);
    }

    /// <summary><c>GET /api/sessions/{session}</c>.</summary>
    public async Task<SessionDto> GetSessionAsync(AccountRef account, CancellationToken cancellationToken)
    {
        var session = SessionOf(account);
        using var request = NewRequest(HttpMethod.Get, account, "api/sessions/" + Uri.EscapeDataString(session));
        return await ReadAsync(request, account, "session", WahaJsonContext.Default.SessionDto, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/{session}/chats</c>, most recent first where the gateway supports sorting.</summary>
    public async Task<List<JsonElement>> GetChatsAsync(AccountRef account, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var session = SessionOf(account);
        var path = $"api/{Uri.EscapeDataString(session)}/chats?limit={options.PollChatLimit}&offset=0"
                   + (options.SortChatsByActivity ? "&sortBy=conversationTimestamp&sortOrder=desc" : string.Empty);
        using var request = NewRequest(HttpMethod.Get, account, path);
        return await ReadAsync(request, account, "chats", WahaJsonContext.Default.ListJsonElement, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/{session}/chats/{chatId}/messages?limit=&amp;downloadMedia=false</c>.</summary>
    public async Task<List<JsonElement>> GetMessagesAsync(AccountRef account, string chatId, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var session = SessionOf(account);
        var path = $"api/{Uri.EscapeDataString(session)}/chats/{Uri.EscapeDataString(chatId)}/messages?limit={options.PollMessageLimit}&downloadMedia=false";
        using var request = NewRequest(HttpMethod.Get, account, path);
        return await ReadAsync(request, account, "messages", WahaJsonContext.Default.ListJsonElement, cancellationToken).ConfigureAwait(false);
    }

    private async Task<WahaSent> SendAsync<T>(AccountRef account, string session, string path, T body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        _sessions.ThrowIfPaused(session);
        using var request = NewRequest(HttpMethod.Post, account, SendUri(path));
        request.Content = JsonContent.Create(body, typeInfo);

        // A send creates a message: never marked idempotent, so the resilience handler gives it exactly one attempt.
        using var response = await SendCoreAsync(request, path, createsContent: true, account, session, cancellationToken).ConfigureAwait(false);
        var sent = await ReadBodyAsync(response, WahaJsonContext.Default.SentMessageDto, cancellationToken).ConfigureAwait(false);
        return new WahaSent(WahaIds.MessageId(sent?.Id, sent?.Key) ?? string.Empty, ToTime(sent?.Timestamp ?? sent?.MessageTimestamp) ?? _time.GetUtcNow());
    }

    private async Task<T> ReadAsync<T>(HttpRequestMessage request, AccountRef account, string operation, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendCoreAsync(request, operation, createsContent: false, account, SessionOf(account), cancellationToken).ConfigureAwait(false);
        return await ReadBodyAsync(response, typeInfo, cancellationToken).ConfigureAwait(false)
               ?? throw new PlatformException(PlatformId.WhatsApp, PlatformErrorKind.Transient, $"WAHA: empty {operation} response.") { HttpStatus = (int)response.StatusCode };
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, string operation, bool createsContent, AccountRef account, string session, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            // The client's base address comes from the settings: a reload of them gets a new client.
            response = await _clients.Get(_options.CurrentValue).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (TransportFailure.Map(PlatformId.WhatsApp, ex, createsContent, cancellationToken) is { } mapped)
        {
            WahaLog.CallFailed(_logger, operation, mapped.Kind, null);
            CountFailure(operation, mapped.Kind);
            throw mapped;
        }

        if (response.IsSuccessStatusCode)
        {
            if (createsContent)
            {
                _sessions.NoteWorking(session); // a sent message proves the session works; a 200 on GET /sessions does not
                WahaMetrics.MessagesSent.Add(1, new KeyValuePair<string, object?>("endpoint", operation));
            }

            return response;
        }

        using (response)
        {
            var body = await ErrorBodyReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            var error = WahaErrorMapper.Map(response.StatusCode, body, createsContent, RetryAfterReader.Read(response, _time.GetUtcNow()), _options.CurrentValue.ApiKey);
            WahaLog.CallFailed(_logger, operation, error.Kind, error.HttpStatus);
            CountFailure(operation, error.Kind);
            if (error.Kind == PlatformErrorKind.ReauthorizationRequired && error.PlatformCode is { } status)
            {
                await _sessions.ObserveAsync(account, session, status, cancellationToken).ConfigureAwait(false);
            }

            throw error;
        }
    }

    private static void CountFailure(string operation, PlatformErrorKind kind) =>
        WahaMetrics.CallsFailed.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("kind", kind.ToString()));

    private static async Task<T?> ReadBodyAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var body = await PooledBody.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(body.Span, typeInfo);
        }
        catch (JsonException ex)
        {
            throw new PlatformException(PlatformId.WhatsApp, PlatformErrorKind.Transient, "WAHA: the response is not the expected JSON.", ex)
            {
                HttpStatus = (int)response.StatusCode,
            };
        }
    }

    /// <summary>
    /// The absolute URI of a send endpoint (a handful of constant paths) under the client's base address, kept until the
    /// base address changes: saves parsing the relative URI and combining it with the base address on every send.
    /// </summary>
    private Uri SendUri(string path)
    {
        var baseAddress = _clients.Get(_options.CurrentValue).BaseAddress;
        if (baseAddress is null)
        {
            return new Uri(path, UriKind.Relative);
        }

        var uris = Volatile.Read(ref _sendUris);
        if (uris is null || !ReferenceEquals(uris.BaseAddress, baseAddress))
        {
            uris = new SendUris(baseAddress);
            Volatile.Write(ref _sendUris, uris);
        }

        return uris.Get(path);
    }

    private HttpRequestMessage NewRequest(HttpMethod method, AccountRef account, string path) =>
        NewRequest(method, account, new Uri(path, UriKind.Relative));

    private HttpRequestMessage NewRequest(HttpMethod method, AccountRef account, Uri uri)
    {
        // Rizquna marks (account, idempotent) as fields: no per-request options dictionary.
        var request = new RizqunaRequestMessage(method, uri).ForAccount(account);
        if (_options.CurrentValue.ApiKey is { Length: > 0 } key)
        {
            request.Headers.TryAddWithoutValidation(ApiKeyHeader, key);
        }

        return request;
    }

    internal static DateTimeOffset? ToTime(long? unix) => unix switch
    {
        null or <= 0 => null,
        > 100_000_000_000 => DateTimeOffset.FromUnixTimeMilliseconds(unix.Value), // some engines report milliseconds
        _ => DateTimeOffset.FromUnixTimeSeconds(unix.Value),
    };
}

/// <summary>Absolute send-endpoint URIs under one base address.</summary>
internal sealed class SendUris(Uri baseAddress)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);

    public Uri BaseAddress => baseAddress;

    public Uri Get(string path) => _uris.GetOrAdd(path, static (p, b) => new Uri(b, p), baseAddress);
}
