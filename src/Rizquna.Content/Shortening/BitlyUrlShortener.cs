using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rizquna.Http;

namespace Rizquna.Content;

/// <summary>
/// <see cref="IUrlShortener"/> on Bitly v4 (<c>POST /v4/shorten</c>). Without an access token it returns links unchanged.
/// Bitly returns the existing Bitlink for a long URL it has seen, so the call is safe to retry. Failures become a
/// <see cref="PlatformException"/> for platform <c>bitly</c>; the token never appears in logs or exceptions.
/// </summary>
public sealed partial class BitlyUrlShortener : IUrlShortener
{
    /// <summary>The name of the <see cref="HttpClient"/> registered for Bitly.</summary>
    public const string HttpClientName = "Rizquna.Bitly";

    /// <summary>The platform id Bitly failures carry.</summary>
    public static PlatformId Platform { get; } = PlatformId.Parse("bitly");

    private readonly HttpClient _httpClient;
    private readonly BitlyOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the shortener.</summary>
    public BitlyUrlShortener(HttpClient httpClient, BitlyOptions options, ILogger<BitlyUrlShortener>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async ValueTask<string> ShortenAsync(string longUrl, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(longUrl) || !Uri.TryCreate(longUrl, UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("longUrl must be an absolute http or https URL.", nameof(longUrl));
        }

        if (!_options.IsEnabled)
        {
            return longUrl;
        }

        var endpoint = new Uri(OptionChecks.WithTrailingSlash(_options.BaseAddress), "v4/shorten");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = JsonContent.Create(
                new BitlyShortenRequest(longUrl, Blank(_options.Domain), Blank(_options.GroupGuid)),
                BitlyJsonContext.Default.BitlyShortenRequest),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.AccessToken);
        request.MarkIdempotent();

        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (TransportFailure.Map(Platform, exception, createsContent: false, cancellationToken) is { } mapped)
        {
            LogFailed(_logger, 0, mapped.Kind, null);
            throw mapped;
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                var body = await ErrorBodyReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
                var link = TryParse(body, BitlyJsonContext.Default.BitlyShortenResponse)?.Link;
                if (string.IsNullOrWhiteSpace(link))
                {
                    throw new PlatformException(Platform, PlatformErrorKind.Permanent, "bitly: the response carried no link.")
                    {
                        HttpStatus = (int)response.StatusCode,
                        RawBody = SecretRedactor.Redact(body, _options.AccessToken),
                    };
                }

                LogShortened(_logger, parsed.Host, link);
                return link;
            }

            throw await ToExceptionAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<PlatformException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await ErrorBodyReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        var error = TryParse(body, BitlyJsonContext.Default.BitlyError);
        var status = (int)response.StatusCode;
        var kind = response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => PlatformErrorKind.RateLimited,
            HttpStatusCode.Unauthorized => PlatformErrorKind.AuthExpired,
            HttpStatusCode.Forbidden => PlatformErrorKind.Forbidden,
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => PlatformErrorKind.InvalidContent,
            HttpStatusCode.RequestTimeout => PlatformErrorKind.Transient,
            _ when status >= 500 => PlatformErrorKind.Transient,
            _ => PlatformErrorKind.Permanent,
        };

        var code = error?.Message;
        var message = $"bitly: HTTP {status}{(code is null ? string.Empty : " " + code)}"
            + (error?.Description is { Length: > 0 } description ? $": {description}" : ".");
        LogFailed(_logger, status, kind, code);
        return new PlatformException(Platform, kind, SecretRedactor.Redact(message, _options.AccessToken))
        {
            HttpStatus = status,
            PlatformCode = code,
            RetryAfter = RetryAfterReader.Read(response, _timeProvider.GetUtcNow()),
            RawBody = SecretRedactor.Redact(body, _options.AccessToken),
        };
    }

    private static T? TryParse<T>(string body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Shortened a link to {Host} as {ShortLink}")]
    private static partial void LogShortened(ILogger logger, string host, string shortLink);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Bitly shorten failed: HTTP {Status}, kind {Kind}, code {Code}")]
    private static partial void LogFailed(ILogger logger, int status, PlatformErrorKind kind, string? code);
}
