using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rizquna.Http;

namespace Rizquna.Connectors.TikTok;

/// <summary>
/// Calls the envelope endpoints of the open API as one account: bearer token from <see cref="TikTokTokenManager"/>,
/// errors mapped by <see cref="TikTokErrorMapper"/>, and on <c>access_token_invalid</c> one refresh and one retry
/// (safe even for a create: the platform rejected the call before acting on it).
/// </summary>
internal sealed class TikTokApiClient(
    IHttpClientFactory httpClientFactory,
    TikTokTokenManager tokens,
    TikTokErrorMapper errors,
    TimeProvider timeProvider,
    ILogger<TikTokApiClient> logger,
    IOptionsMonitor<HttpClientFactoryOptions>? factoryOptions = null)
{
    private static readonly MediaTypeHeaderValue JsonUtf8 = MediaTypeHeaderValue.Parse("application/json; charset=UTF-8");

    // One client per handler lifetime (status polls repeat every few seconds per upload), as the other connectors do.
    private readonly FactoryClientCache _client = new(httpClientFactory, TikTokHttp.ApiClient, factoryOptions);

    /// <summary>POSTs <paramref name="body"/> (or an empty body) and returns the envelope's <c>data</c>.</summary>
    /// <param name="account">The account acting.</param>
    /// <param name="path">Path relative to the base address, e.g. <c>v2/post/publish/status/fetch/</c>.</param>
    /// <param name="body">The request body; null sends an empty body.</param>
    /// <param name="requestInfo">Source-generated metadata of the body.</param>
    /// <param name="responseInfo">Source-generated metadata of the envelope.</param>
    /// <param name="createsContent">True for an init: never retried by the HTTP layer, and a timeout is an unknown outcome.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public async Task<TData> PostAsync<TRequest, TData>(
        AccountRef account, string path, TRequest? body, JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TikTokEnvelope<TData>> responseInfo, bool createsContent, CancellationToken cancellationToken = default)
        where TRequest : class
        where TData : class
    {
        var credential = await tokens.GetFreshAsync(account, cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendAsync(account, credential, path, body, requestInfo, responseInfo, createsContent, cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformException ex) when (ex.PlatformCode == TikTokErrorCodes.AccessTokenInvalid)
        {
            Log.AccessTokenRejected(logger, account.ToString());
            credential = await tokens.RefreshAsync(account, credential, cancellationToken).ConfigureAwait(false);
            return await SendAsync(account, credential, path, body, requestInfo, responseInfo, createsContent, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<TData> SendAsync<TRequest, TData>(
        AccountRef account, PlatformCredential credential, string path, TRequest? body, JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TikTokEnvelope<TData>> responseInfo, bool createsContent, CancellationToken cancellationToken)
        where TRequest : class
        where TData : class
    {
        using var request = new RizqunaRequestMessage(HttpMethod.Post, path); // marks as fields: no options dictionary
        request.Content = body is null
            ? new ByteArrayContent([]) { Headers = { ContentType = JsonUtf8 } }
            : JsonContent.Create(body, requestInfo, JsonUtf8);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential.AccessToken);
        request.ForAccount(account);
        if (!createsContent)
        {
            request.MarkIdempotent();
        }

        var http = _client.Get();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (TransportFailure.Map(PlatformId.TikTok, ex, createsContent, cancellationToken) is { } mapped)
        {
            throw mapped;
        }

        using (response)
        {
            var text = await ErrorBodyReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            var envelope = TryParse(text, responseInfo);
            var status = (int)response.StatusCode;
            var code = envelope?.Error?.Code;
            if (response.IsSuccessStatusCode && code == TikTokError.Ok && envelope!.Data is { } data)
            {
                return data;
            }

            string?[] secrets = [credential.AccessToken, credential.RefreshToken];
            if (response.IsSuccessStatusCode && (code is null || code == TikTokError.Ok))
            {
                // A 2xx we cannot read: for an init the platform may well have acted.
                throw new PlatformException(PlatformId.TikTok, createsContent ? PlatformErrorKind.OutcomeUnknown : PlatformErrorKind.Transient,
                    $"TikTok answered {path} with HTTP {status} but no readable data.")
                {
                    HttpStatus = status,
                    TraceId = envelope?.Error?.LogId,
                    RawBody = SecretRedactor.Redact(text, secrets),
                };
            }

            throw errors.FromEnvelope(code == TikTokError.Ok ? null : code, envelope?.Error?.Message, envelope?.Error?.LogId, status,
                RetryAfterReader.Read(response, timeProvider.GetUtcNow()), text, createsContent, secrets);
        }
    }

    private static TikTokEnvelope<TData>? TryParse<TData>(string text, JsonTypeInfo<TikTokEnvelope<TData>> info)
        where TData : class
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, info);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
