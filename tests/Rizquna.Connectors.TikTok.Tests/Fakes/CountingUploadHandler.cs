using System.Net;

namespace Rizquna.Connectors.TikTok.Tests.Fakes;

/// <summary>
/// Plays the upload host: consumes each PUT body as it streams, checks every byte against <see cref="PatternStream"/>,
/// and measures how many bytes were held between the source and the wire (read from the source, not yet received).
/// Answers 206 for an intermediate chunk and 201 for the last, as TikTok does.
/// </summary>
internal sealed class CountingUploadHandler(PatternStream? source = null) : HttpMessageHandler
{
    public List<string> ContentRanges { get; } = [];

    public List<string?> ContentTypes { get; } = [];

    public long BytesReceived { get; private set; }

    public long MaxBytesInFlight { get; private set; }

    public long MismatchedBytes { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = request.Content!;
        var range = content.Headers.ContentRange!;
        ContentRanges.Add(range.ToString());
        ContentTypes.Add(content.Headers.ContentType?.MediaType);
        await content.CopyToAsync(new Sink(this, range.From!.Value), cancellationToken);
        var last = range.To!.Value + 1 == range.Length;
        return new HttpResponseMessage(last ? HttpStatusCode.Created : HttpStatusCode.PartialContent);
    }

    private sealed class Sink(CountingUploadHandler owner, long offset) : Stream
    {
        private long _position = offset;

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (owner.Source is { } source)
            {
                owner.MaxBytesInFlight = Math.Max(owner.MaxBytesInFlight, source.BytesRead - owner.BytesReceived);
                for (var i = 0; i < buffer.Length; i++)
                {
                    if (buffer[i] != PatternStream.At(_position + i))
                    {
                        owner.MismatchedBytes++;
                    }
                }
            }

            _position += buffer.Length;
            owner.BytesReceived += buffer.Length;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private PatternStream? Source => source;
}
