using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rizquna.Http;

namespace Rizquna.Connectors.Telegram.BotApi;

/// <summary>
/// Calls Bot API methods: <c>POST {base}/bot{token}/{method}</c> with a JSON or multipart body, reads the envelope,
/// and throws <see cref="PlatformException"/> for errors. The token lives only in the request URI; every message and
/// body that leaves this class is redacted. Reads (<c>createsContent</c> false) are marked idempotent so
/// the resilience handler may retry them; sends are attempted once.
/// </summary>
internal sealed class BotApiClient(
    IHttpClientFactory httpClientFactory, BotTokenSource tokens, IOptions<TelegramOptions> options, TimeProvider timeProvider,
    ILogger<BotApiClient> logger, IOptionsMonitor<HttpClientFactoryOptions> factoryOptions)
{
    /// <summary>The name of the connector's <see cref="HttpClient"/>.</summary>
    public const string HttpClientName = "Rizquna.Telegram";

    /// <summary>Method URIs kept per token; cleared when this many pile up (rotated tokens are not kept for ever).</summary>
    private const int MaxCachedUris = 256;

    private readonly string _baseAddress = OptionChecks.WithTrailingSlash(options.Value.BaseAddress).AbsoluteUri;
    private readonly FactoryClientCache _client = new(httpClientFactory, HttpClientName, factoryOptions);

    // Parsing the URI is a good part of a send's own cost, and a bot calls a handful of methods with one token.
    private readonly ConcurrentDictionary<(string Token, string Method), Uri> _methodUris = new();
    private LastUri? _lastUri;

    public Task<T> CallAsync<TRequest, T>(
        AccountRef account, string method, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<ApiResponse<T>> responseType,
        bool createsContent, CancellationToken cancellationToken)
    {
        // Serialised to bytes up front: cheaper than a streaming content and replayable should the handler retry a read.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, requestType));
        // A constant header value: added unparsed (it is parsed only if something reads ContentType).
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        return SendAsync(account, method, content, responseType, createsContent, cancellationToken);
    }

    public Task<T> CallMultipartAsync<T>(
        AccountRef account, string method, MultipartFormDataContent content, JsonTypeInfo<ApiResponse<T>> responseType,
        CancellationToken cancellationToken) =>
        SendAsync(account, method, content, responseType, createsContent: true, cancellationToken);

    /// <summary>The bot's own user id for the account's token (the public part of the token), or null.</summary>
    public async ValueTask<long?> GetBotIdAsync(AccountRef account, CancellationToken cancellationToken) =>
        BotTokenSource.BotIdOf(await tokens.GetAsync(account, cancellationToken).ConfigureAwait(false));

    private async Task<T> SendAsync<T>(
        AccountRef account, string method, HttpContent content, JsonTypeInfo<ApiResponse<T>> responseType, bool createsContent,
        CancellationToken cancellationToken)
    {
        using var ownedContent = content;
        var token = await tokens.GetAsync(account, cancellationToken).ConfigureAwait(false);

        // Rizquna marks (account, idempotent) as fields: no per-request options dictionary.
        using var request = new RizqunaRequestMessage(HttpMethod.Post, MethodUri(token, method))
        {
            Content = content,
        };
        request.ForAccount(account);
        if (!createsContent)
        {
            request.MarkIdempotent();
        }

        var client = _client.Get();
        using var activity = TelegramTelemetry.ActivitySource.HasListeners()
            ? TelegramTelemetry.ActivitySource.StartActivity("telegram " + method, System.Diagnostics.ActivityKind.Client)
            : null;
        activity?.SetTag("telegram.method", method);
        activity?.SetTag("rizquna.account", account.ToString());
        HttpResponseMessage response;
        PooledBody body;
        try
        {
            // Headers first, then the body into a pooled buffer (see PooledBody); a failure reading it is a transport failure too.
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            try
            {
                body = await PooledBody.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
        catch (Exception ex) when (TransportFailure.Map(PlatformId.Telegram, ex, createsContent, cancellationToken) is { } mapped)
        {
            Log.TransportFailed(logger, method, mapped.Kind);
            TelegramTelemetry.RecordCall(method, mapped.Kind.ToString());
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, mapped.Kind.ToString());
            // The inner exception goes along only when the token cannot be inside it (a handler may echo the URI).
            var inner = ex.ToString().Contains(token, StringComparison.Ordinal) ? null : ex;
            throw new PlatformException(mapped.Platform, mapped.Kind, $"{mapped.Message} (method {method})", inner)
            {
                RetryAfter = mapped.RetryAfter,
            };
        }

        using (response)
        using (body)
        {
            var status = (int)response.StatusCode;
            ApiResponse<T>? envelope = null;
            try
            {
                envelope = JsonSerializer.Deserialize(body.Span, responseType);
            }
            catch (JsonException)
            {
                // Not the Bot API's JSON (a proxy's HTML page): decided by the HTTP status below.
            }

            if (envelope is { Ok: true, Result: { } result } && response.IsSuccessStatusCode)
            {
                Log.Called(logger, method, status);
                TelegramTelemetry.RecordCall(method, "ok");
                return result;
            }

            var raw = System.Text.Encoding.UTF8.GetString(body.Span[..Math.Min(body.Length, ErrorBodyReader.MaxReadLength)]);
            if (envelope is { Ok: true } || (envelope is null && response.IsSuccessStatusCode))
            {
                // A 2xx we cannot read: the call may have worked.
                throw new PlatformException(PlatformId.Telegram,
                    createsContent ? PlatformErrorKind.OutcomeUnknown : PlatformErrorKind.Transient,
                    $"telegram {method}: unreadable response (HTTP {status}).")
                {
                    HttpStatus = status,
                    RawBody = SecretRedactor.Redact(raw, token),
                };
            }

            var error = BotApiErrorMapper.Map(
                method, status, envelope?.ErrorCode, envelope?.Description, envelope?.Parameters,
                RetryAfterReader.Read(response, timeProvider.GetUtcNow()), raw, createsContent, token);
            Log.CallFailed(logger, method, status, error.Kind);
            TelegramTelemetry.RecordCall(method, error.Kind.ToString());
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, error.Kind.ToString());
            throw error;
        }
    }

    private Uri MethodUri(string token, string method)
    {
        // The same token and method instances as the last call (a provider hands out the same string until it rotates):
        // no hashing of the token at all.
        if (Volatile.Read(ref _lastUri) is { } last && ReferenceEquals(last.Token, token) && ReferenceEquals(last.Method, method))
        {
            return last.Uri;
        }

        if (!_methodUris.TryGetValue((token, method), out var uri))
        {
            uri = NewMethodUri(token, method);
        }

        Volatile.Write(ref _lastUri, new LastUri(token, method, uri));
        return uri;
    }

    private Uri NewMethodUri(string token, string method)
    {
        if (_methodUris.Count >= MaxCachedUris)
        {
            _methodUris.Clear();
        }

        // An absolute URI built by hand: a relative "bot123:abc/…" would parse as a URI with scheme "bot123".
        var uri = new Uri(_baseAddress + "bot" + token + "/" + method);
        _methodUris.TryAdd((token, method), uri);
        return uri;
    }

    private sealed record LastUri(string Token, string Method, Uri Uri);
}
