using System.Text.Json;
using Microsoft.Extensions.Options;
using Rizquna.Http;

namespace Rizquna.Connectors.TikTok;

/// <summary>
/// <c>POST /v2/oauth/token/</c> with <c>grant_type=refresh_token</c>. OAuth errors are flat (<c>{"error":"invalid_grant",…}</c>):
/// any of them except <c>server_error</c>/<c>temporarily_unavailable</c> means the user must authorise again.
/// </summary>
internal sealed class TikTokOAuthClient(IHttpClientFactory httpClientFactory, IOptions<TikTokOptions> options)
{
    private const string TokenPath = "v2/oauth/token/";

    public async Task<OAuthTokenResponse> RefreshAsync(AccountRef account, string refreshToken, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        string?[] secrets = [settings.ClientSecret, refreshToken];

        // Not marked idempotent: with rotation, a repeated refresh would burn the token the first one returned.
        using var request = new RizqunaRequestMessage(HttpMethod.Post, TokenPath)
        {
            Content = new FormUrlEncodedContent(
            [
                new("client_key", settings.ClientKey ?? string.Empty),
                new("client_secret", settings.ClientSecret ?? string.Empty),
                new("grant_type", "refresh_token"),
                new("refresh_token", refreshToken),
            ]),
        };
        request.ForAccount(account);

        var http = httpClientFactory.CreateClient(TikTokHttp.ApiClient);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (TransportFailure.Map(PlatformId.TikTok, ex, createsContent: false, cancellationToken) is { } mapped)
        {
            throw mapped;
        }

        using (response)
        {
            var body = await ErrorBodyReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            var parsed = TryParse(body);
            var status = (int)response.StatusCode;
            var code = parsed is null ? null : ErrorCode(parsed.Error);
            if (response.IsSuccessStatusCode && parsed is { AccessToken.Length: > 0 } && code is null)
            {
                return parsed;
            }

            throw Failure(code, parsed?.ErrorDescription, parsed?.LogId, status, body, secrets);
        }
    }

    private static string? ErrorCode(JsonElement error)
    {
        var code = error.ValueKind switch
        {
            JsonValueKind.String => error.GetString(),
            JsonValueKind.Object when error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String => c.GetString(),
            _ => null,
        };
        return string.IsNullOrEmpty(code) || code == TikTokError.Ok ? null : code;
    }

    private static OAuthTokenResponse? TryParse(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, TikTokJsonContext.Default.OAuthTokenResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static PlatformException Failure(string? code, string? description, string? logId, int status, string body, ReadOnlySpan<string?> secrets)
    {
        var kind = code switch
        {
            "server_error" or "temporarily_unavailable" => PlatformErrorKind.Transient,
            not null => PlatformErrorKind.ReauthorizationRequired,
            _ when status is 429 => PlatformErrorKind.RateLimited,
            _ when status >= 500 || status == 408 => PlatformErrorKind.Transient,
            // A success without a token, or an unreadable error: the refresh token cannot be trusted to work again.
            _ => PlatformErrorKind.ReauthorizationRequired,
        };
        var what = code ?? $"HTTP {status}";
        var advice = kind == PlatformErrorKind.ReauthorizationRequired ? " The account must authorise the app again." : string.Empty;
        return new PlatformException(PlatformId.TikTok, kind,
            SecretRedactor.Redact($"TikTok token refresh failed ({what}{(description is null ? string.Empty : ": " + description)}).{advice}", secrets))
        {
            PlatformCode = code,
            TraceId = logId,
            HttpStatus = status,
            RawBody = SecretRedactor.Redact(body, secrets),
        };
    }
}
