namespace Rizquna.Http;

/// <summary>Reads an error response body for parsing and for <see cref="PlatformException.RawBody"/>, with a size cap.</summary>
public static class ErrorBodyReader
{
    /// <summary>The most characters read from an error body (bodies are parsed from this, then cut to 4 KB for the exception).</summary>
    public const int MaxReadLength = 64 * 1024;

    /// <summary>Reads up to <see cref="MaxReadLength"/> characters of the body; an unreadable body yields an empty string.</summary>
    public static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream);
            var buffer = new char[MaxReadLength];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            return new string(buffer, 0, read);
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
