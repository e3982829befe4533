using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rizquna.Http;

namespace Rizquna.Connectors.TikTok;

/// <summary>
/// Sends a planned video to its <c>upload_url</c>: sequential PUTs with <c>Content-Range</c> and <c>Content-Type</c>,
/// expecting 206 for each intermediate chunk and 201 for the last. The upload URL carries an <c>upload_token</c>, so
/// it is never logged or put in an error unredacted.
/// </summary>
internal sealed class ChunkUploader(
    IHttpClientFactory httpClientFactory,
    IOptions<TikTokOptions> options,
    TimeProvider timeProvider,
    ILogger<ChunkUploader> logger)
{
    /// <summary>Uploads <paramref name="source"/>, read sequentially from its current position, chunk by chunk.</summary>
    public async Task UploadAsync(
        AccountRef account, string publishId, Uri uploadUrl, Stream source, ChunkPlan plan, string contentType,
        CancellationToken cancellationToken = default)
    {
        var http = httpClientFactory.CreateClient(TikTokHttp.UploadClient);
        var mediaType = new MediaTypeHeaderValue(contentType);
        var bufferSize = options.Value.UploadBufferBytes;
        for (var i = 0; i < plan.ChunkCount; i++)
        {
            var chunk = plan[i];
            using var request = new RizqunaRequestMessage(HttpMethod.Put, uploadUrl)
            {
                Content = new ChunkContent(source, chunk, bufferSize),
            };
            request.Content.Headers.ContentType = mediaType;
            request.Content.Headers.ContentLength = chunk.Length;
            request.Content.Headers.ContentRange = new ContentRangeHeaderValue(chunk.Offset, chunk.LastByte, chunk.TotalLength);
            request.ForAccount(account);

            // The last chunk completes the upload and starts the publish: if its answer is lost, the outcome is unknown.
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (TransportFailure.Map(PlatformId.TikTok, ex, chunk.IsLast, cancellationToken) is { } mapped)
            {
                throw mapped;
            }

            using (response)
            {
                var expected = chunk.IsLast ? HttpStatusCode.Created : HttpStatusCode.PartialContent;
                if (response.StatusCode == expected || response.StatusCode == HttpStatusCode.OK)
                {
                    TikTokTelemetry.UploadedBytes.Add(chunk.Length);
                    Log.ChunkSent(logger, i + 1, plan.ChunkCount, publishId, chunk.ContentRange);
                    continue;
                }

                throw await FailureAsync(response, chunk, plan, expected, uploadUrl, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<PlatformException> FailureAsync(
        HttpResponseMessage response, Chunk chunk, ChunkPlan plan, HttpStatusCode expected, Uri uploadUrl, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await ErrorBodyReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        var kind = status switch
        {
            429 => PlatformErrorKind.RateLimited,
            408 or >= 500 => TransportFailure.KindForServerError(chunk.IsLast),
            206 => PlatformErrorKind.Permanent, // The platform wants more bytes than the plan holds.
            401 or 403 => PlatformErrorKind.Permanent, // The upload URL expired (valid 1 h) or was refused: start over.
            _ => PlatformErrorKind.InvalidContent,
        };
        string? token = uploadUrl.Query;
        return new PlatformException(PlatformId.TikTok, kind,
            $"TikTok refused chunk {chunk.Index + 1}/{plan.ChunkCount} ({chunk.ContentRange}) with HTTP {status}; expected {(int)expected}. Upload {SecretRedactor.RedactUrl(uploadUrl)}.")
        {
            HttpStatus = status,
            RetryAfter = RetryAfterReader.Read(response, timeProvider.GetUtcNow()),
            RawBody = SecretRedactor.Redact(body, token),
        };
    }
}
