using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Rizquna.Http;

namespace Rizquna.Http.Tests;

public sealed class ClientHelpersTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(10, true)]
    [InlineData(4096, false)] // exactly the first rent without a Content-Length: must grow, not stop
    [InlineData(70_000, false)]
    [InlineData(70_000, true)]
    public async Task A_pooled_body_holds_every_byte_with_or_without_a_content_length(int size, bool withLength)
    {
        var bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, size).Select(i => (char)('a' + i % 26))));
        using HttpContent content = withLength ? new ByteArrayContent(bytes) : new StreamContent(new NoLengthStream(bytes));
        if (!withLength)
        {
            Assert.Null(content.Headers.ContentLength);
        }

        using var body = await PooledBody.ReadAsync(content, CancellationToken.None);

        Assert.Equal(size, body.Length);
        Assert.True(body.Span.SequenceEqual(bytes));
    }

    [Fact]
    public void A_cached_client_is_reused_until_the_settings_instance_changes()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("platform");
        using var provider = services.BuildServiceProvider();
        var cache = new FactoryClientCache(provider.GetRequiredService<IHttpClientFactory>(), "platform",
            provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>());
        var settings = new object();

        var first = cache.Get(settings);

        Assert.Same(first, cache.Get(settings));
        Assert.NotSame(first, cache.Get(new object()));
    }

    /// <summary>A stream that cannot report its length, so StreamContent sends no Content-Length; reads in small pieces.</summary>
    private sealed class NoLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1000));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1000)], cancellationToken);
    }
}
