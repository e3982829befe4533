using System.Buffers;
using System.Net;

namespace Rizquna.Connectors.TikTok;

/// <summary>
/// The body of one chunk PUT: streams <see cref="Chunk.Length"/> bytes from the source through one pooled buffer of at
/// most <c>bufferSize</c> bytes, so memory stays bounded by that buffer (never more than a chunk), whatever the file size.
/// </summary>
internal sealed class ChunkContent : HttpContent
{
    private readonly Stream _source;
    private readonly Chunk _chunk;
    private readonly int _bufferSize;

    public ChunkContent(Stream source, Chunk chunk, int bufferSize)
    {
        _source = source;
        _chunk = chunk;
        _bufferSize = (int)Math.Min(bufferSize, chunk.Length);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_source.CanSeek && _source.Position != _chunk.Offset)
        {
            _source.Position = _chunk.Offset;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(_bufferSize);
        try
        {
            var remaining = _chunk.Length;
            while (remaining > 0)
            {
                var want = (int)Math.Min(remaining, _bufferSize);
                var read = await _source.ReadAsync(buffer.AsMemory(0, want), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException(
                        $"The video ended {remaining} bytes before the planned end of chunk {_chunk.Index} ({_chunk.ContentRange}); was the file changed during the upload?");
                }

                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                remaining -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = _chunk.Length;
        return true;
    }
}
