using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rizquna.Http;

namespace Rizquna.Connectors.Meta.Graph;

/// <summary>
/// The one place Graph calls go through: usage pre-check, token (Authorization header, never the URL) and
/// <c>appsecret_proof</c>, per-account resilience marks, usage headers, and the error envelope → <see cref="PlatformException"/>.
/// A response body is read once: deserialized on success, parsed from the same bytes on failure.
/// </summary>
internal sealed class GraphClient
{
    /// <summary>The name of the <see cref="HttpClient"/> registered for Graph.</summary>
    public const string HttpClientName = "Rizquna.Meta";

    private const int MaxRawBodyRead = 16 * 1024;
    private const string JsonContentType = "application/json; charset=utf-8";

    private readonly HttpClient _http;
    private readonly ICredentialProvider _credentials;
    private readonly UsageTracker _usage;
    private readonly IOptionsMonitor<MetaOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AppSecretProofCache _proofs;
    private readonly GraphTargetCache _targets;

    public GraphClient(
        HttpClient http, ICredentialProvider credentials, UsageTracker usage, IOptionsMonitor<MetaOptions> options, TimeProvider time, ILogger<GraphClient>? logger = null,
        AppSecretProofCache? proofs = null, GraphTargetCache? targets = null)
    {
        _proofs = proofs ?? new AppSecretProofCache();
        _targets = targets ?? new GraphTargetCache();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _http = http;
        _credentials = credentials;
        _usage = usage;
        _options = options;
        _time = time;
    }

    public TimeProvider Time => _time;

    public MetaOptions Options => _options.CurrentValue;

    public UsageTracker Usage => _usage;

    /// <summary>The account's current access token (for <c>/debug_token</c>'s <c>input_token</c>).</summary>
    public async ValueTask<string> AccessTokenAsync(AccountRef account, CancellationToken cancellationToken) =>
        (await _credentials.GetAsync(account, cancellationToken).ConfigureAwait(false)).AccessToken;

    /// <summary>A read (retried by the resilience handler on transient failures).</summary>
    public Task<T> GetAsync<T>(AccountRef account, string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        SendAsync(account, HttpMethod.Get, pathAndQuery, null, type, GraphWrite.Read, null, cancellationToken);

    /// <summary>A POST with a JSON body.</summary>
    public Task<T> PostJsonAsync<TBody, T>(
        AccountRef account, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<T> type, GraphWrite write, CancellationToken cancellationToken) =>
        SendAsync(account, HttpMethod.Post, path, JsonBody(body, bodyType), type, write, null, cancellationToken);

    /// <summary>A POST with a prepared body (multipart uploads).</summary>
    public Task<T> PostContentAsync<T>(
        AccountRef account, string path, HttpContent content, JsonTypeInfo<T> type, GraphWrite write, CancellationToken cancellationToken) =>
        SendAsync(account, HttpMethod.Post, path, content, type, write, null, cancellationToken);

    /// <summary>A read made with another token than the account's (the app token of <c>/debug_token</c>).</summary>
    public Task<T> GetWithTokenAsync<T>(AccountRef account, string pathAndQuery, string token, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        SendAsync(account, HttpMethod.Get, pathAndQuery, null, type, GraphWrite.Read, token, cancellationToken);

    // One async method for the whole call (logging included): a second layer would cost a state machine and a Task per call.
    private async Task<T> SendAsync<T>(
        AccountRef account, HttpMethod method, string pathAndQuery, HttpContent? content, JsonTypeInfo<T> type,
        GraphWrite write, string? tokenOverride, CancellationToken cancellationToken)
    {
        // Both log lines need Warning enabled (Debug on implies it): with it off, skip the clock read too.
        var started = _logger.IsEnabled(LogLevel.Warning) ? _time.GetTimestamp() : 0;
        try
        {
            var options = _options.CurrentValue;
            var platform = account.Platform;
            var createsContent = write == GraphWrite.CreatesContent;
            if (_usage.BlockedFor(account.PlatformAccountId, _time.GetUtcNow()) is { } blocked)
            {
                content?.Dispose();
                throw new PlatformException(platform, PlatformErrorKind.RateLimited,
                    $"{platform}: {(blocked.AppWide ? "app" : "account")} usage is at {blocked.Percent:0.#}% (threshold {options.UsageThresholdPercent}%); "
                    + "the call was not made, to keep the last calls in reserve.")
                {
                    RetryAfter = blocked.Wait,
                };
            }

            var token = tokenOverride ?? (await _credentials.GetAsync(account, cancellationToken).ConfigureAwait(false)).AccessToken;
            var proof = options.UseAppSecretProof && !string.IsNullOrEmpty(options.AppSecret) ? _proofs.For(options.AppSecret, token) : null;
            var target = method == HttpMethod.Get
                ? GraphTargetCache.Build(_http.BaseAddress, pathAndQuery, token, proof)
                : _targets.For(_http.BaseAddress, pathAndQuery, token, proof);
            using var request = new RizqunaRequestMessage(method, target.Url) { Content = content };
            request.Headers.Authorization = target.Authorization;
            request.ForAccount(account);
            if (write == GraphWrite.Idempotent)
            {
                request.MarkIdempotent();
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not PlatformException)
            {
                throw TransportFailure.Map(platform, ex, createsContent, cancellationToken) ?? Rethrow(ex);
            }

            using (response)
            {
                var now = _time.GetUtcNow();
                var usage = UsageHeaders.Read(response.Headers, _usage.HeaderMemo);
                _usage.Observe(account.PlatformAccountId, usage, now, options.UsageThresholdPercent, options.UsageBlockDuration);

                try
                {
                    if (response.IsSuccessStatusCode)
                    {
                        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                        await using (stream.ConfigureAwait(false))
                        {
                            var result = await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false)
                                ?? throw new JsonException("The response body was empty.");
                            if (_logger.IsEnabled(LogLevel.Debug))
                            {
                                GraphLog.Completed(_logger, method.Method, SecretRedactor.RedactUrl(pathAndQuery), _time.GetElapsedTime(started).TotalMilliseconds);
                            }

                            return result;
                        }
                    }

                    var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                    var error = GraphErrorParser.Parse(bytes);
                    var raw = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, MaxRawBodyRead));
                    throw GraphErrorMapper.Map(platform, error, (int)response.StatusCode, raw, usage,
                        RetryAfterReader.Read(response, now), createsContent, options.PolicyBlockCooldown, token);
                }
                catch (JsonException ex)
                {
                    // A 2xx we cannot read: a create may well have happened.
                    throw new PlatformException(platform, createsContent ? PlatformErrorKind.OutcomeUnknown : PlatformErrorKind.Transient,
                        $"{platform}: Graph returned HTTP {(int)response.StatusCode} with a body that could not be read.", ex)
                    {
                        HttpStatus = (int)response.StatusCode,
                    };
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException)
                {
                    throw TransportFailure.Map(platform, ex, createsContent, cancellationToken) ?? Rethrow(ex);
                }
            }
        }
        catch (PlatformException ex) when (_logger.IsEnabled(LogLevel.Warning))
        {
            GraphLog.Failed(_logger, method.Method, SecretRedactor.RedactUrl(pathAndQuery), ex.Kind, ex.PlatformCode, ex.PlatformSubcode, ex.TraceId,
                _time.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    /// <summary>
    /// The body serialized up front: Graph's request bodies are small, and a byte array with a known length is about half
    /// the work of <c>JsonContent</c>'s streaming serializer (and goes out with Content-Length rather than chunked).
    /// </summary>
    private static ByteArrayContent JsonBody<TBody>(TBody body, JsonTypeInfo<TBody> bodyType)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType));
        content.Headers.TryAddWithoutValidation("Content-Type", JsonContentType);
        return content;
    }

    private static Exception Rethrow(Exception ex)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex).Throw();
        return ex;
    }
}

/// <summary>What a call does on the platform: decides retries and how a failure after sending is read.</summary>
internal enum GraphWrite
{
    /// <summary>A read: retried on transient failures.</summary>
    Read,
    /// <summary>A write that is safe to repeat: retried like a read.</summary>
    Idempotent,
    /// <summary>Creates content: one attempt; a timeout or 5xx after sending is an unknown outcome.</summary>
    CreatesContent,
}
