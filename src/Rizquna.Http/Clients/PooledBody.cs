using System.Buffers;

namespace Rizquna.Http;

/// <summary>
/// A response body read into a pooled buffer, for small JSON answers: parse it with the synchronous JSON reader and, on an
/// error, keep its (redacted) start as the raw body. Cheaper than letting <see cref="HttpClient"/> buffer the content and
/// copying it out, or deserialising from the stream asynchronously. Dispose it to return the buffer.
/// </summary>
public sealed class PooledBody : IDisposable
{
    private byte[] _buffer;

    private PooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    /// <summary>Bytes read.</summary>
    public int Length { get; }

    /// <summary>The body.</summary>
    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    /// <summary>Reads all of <paramref name="content"/> into a rented buffer.</summary>
    public static async Task<PooledBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        // Connector answers are small: a Content-Length sizes the first rent (+1 so the final empty read needs no growth).
        var expected = content.Headers.ContentLength is > 0 and < 4 * 1024 * 1024 and var length ? (int)length + 1 : 4096;
        var buffer = ArrayPool<byte>.Shared.Rent(expected);
        var count = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    count += read;
                    if (count == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, count).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new PooledBody(buffer, count);
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
