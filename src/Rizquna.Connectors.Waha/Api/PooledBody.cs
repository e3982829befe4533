using System.Buffers;

namespace Rizquna.Connectors.Waha.Api;

/// <summary>
/// A response body read into a pooled buffer and parsed from there with the synchronous JSON reader, which is cheaper than
/// deserialising from the stream asynchronously (its own pooled buffer, an async state machine per call).
/// </summary>
internal sealed class PooledBody : IDisposable
{
    private byte[] _buffer;

    private PooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public static async Task<PooledBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        // WAHA answers are small (a page of chats or messages is the largest): a Content-Length sizes the first rent.
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

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
