namespace Rizquna.Connectors.TikTok.Tests.Fakes;

/// <summary>
/// A generated, read-only, forward-only stream of <c>length</c> bytes whose byte at position p is <see cref="At"/>(p):
/// nothing is stored, so any size costs no memory. Counts what it hands out.
/// </summary>
internal sealed class PatternStream(long length) : Stream
{
    private long _position;

    public long BytesRead => _position;

    public int LargestRead { get; private set; }

    public static byte At(long position) => (byte)(position % 251);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < n; i++)
        {
            buffer[i] = At(_position + i);
        }

        _position += n;
        LargestRead = Math.Max(LargestRead, n);
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
