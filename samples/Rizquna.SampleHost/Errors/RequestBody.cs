using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Rizquna.SampleHost.Errors;

/// <summary>
/// Reads a request body with the configured size limit and maps every way it can be bad to a 4xx problem, so a bad
/// body never becomes a 5xx and never reaches a store.
/// </summary>
internal static class RequestBody
{
    public static async Task<(byte[]? Bytes, ProblemHttpResult? Problem)> ReadBytesAsync(HttpContext context, long limit, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength is { } length && length > limit)
        {
            return (null, Problems.TooLarge(limit));
        }

        try
        {
            using var buffer = new MemoryStream(context.Request.ContentLength is { } l ? (int)l : 1024);
            var chunk = new byte[8192];
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return (null, Problems.TooLarge(limit));
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge(limit));
        }
        catch (BadHttpRequestException ex)
        {
            return (null, Problems.Of(ex.StatusCode, "bad-request", "The request could not be read.", ex.Message));
        }
    }

    public static async Task<(JsonDocument? Document, byte[]? Bytes, ProblemHttpResult? Problem)> ReadJsonAsync(HttpContext context, long limit, CancellationToken cancellationToken)
    {
        if (!IsJson(context.Request.ContentType))
        {
            return (null, null, Problems.UnsupportedMediaType());
        }

        var (bytes, problem) = await ReadBytesAsync(context, limit, cancellationToken);
        if (problem is not null)
        {
            return (null, null, problem);
        }

        try
        {
            var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
            return (document, bytes, null);
        }
        catch (JsonException ex)
        {
            return (null, null, Problems.MalformedJson(ex.Message));
        }
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || (contentType.StartsWith("application/", StringComparison.OrdinalIgnoreCase)
                && contentType.Contains("+json", StringComparison.OrdinalIgnoreCase)));
}
