using System.Net;

namespace Rizquna.Benchmarks.TikTok;

/// <summary>
/// Plays TikTok's upload host in-process: drains each PUT body into a counting sink (nothing kept) and answers 206 or
/// 201 from the <c>Content-Range</c>, so the benchmark measures the client's streaming, not a network.
/// </summary>
internal sealed class InProcessUploadHost : HttpMessageHandler
{
    private readonly CountingSink _sink = new();

    public long BytesReceived => _sink.Count;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = request.Content!;
        await content.CopyToAsync(_sink, cancellationToken).ConfigureAwait(false);
        var range = content.Headers.ContentRange!;
        return range.To + 1 == range.Length
            ? new HttpResponseMessage(HttpStatusCode.Created)
            : new HttpResponseMessage(HttpStatusCode.PartialContent);
    }

    internal sealed class CountingSink : Stream
    {
        public long Count { get; set; }

        public override void Write(ReadOnlySpan<byte> buffer) => Count += buffer.Length;

        public override void Write(byte[] buffer, int offset, int count) => Count += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Count;
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
