using System.Net;
using System.Text;
using RichardSzalay.MockHttp;

namespace Rizquna.Connectors.Telegram.Tests;

/// <summary>
/// What the publish path caches must not outlive what it caches: a rotated token is used on the next send and checked
/// again, and a response body of unknown length larger than the first read buffer is read whole.
/// </summary>
public sealed class HotPathCacheTests
{
    private const string RotatedToken = "987654321:ZZZ-rotatedToken_value";

    [Fact]
    public async Task A_rotated_token_is_used_on_the_next_send_and_a_malformed_rotation_is_refused()
    {
        using var host = new TelegramTestHost();
        host.AnswerSendsWithMessages();
        host.Http.When(HttpMethod.Post, "https://tg.test/bot" + RotatedToken + "/sendMessage")
            .Respond("application/json", TelegramTestHost.Ok(TelegramTestHost.MessageJson(555)));
        var store = (InMemoryCredentialStore)host.Get<ICredentialProvider>();
        var publisher = host.Get<TelegramPublisher>();
        var request = new PublishRequest(TelegramTestHost.Account, new Post { Text = "x" }, "k");

        var first = await publisher.PublishAsync(request);
        store.Set(TelegramTestHost.Account, new PlatformCredential(RotatedToken));
        var second = await publisher.PublishAsync(request);
        store.Set(TelegramTestHost.Account, new PlatformCredential("987654321:ZZZ/../evil"));
        var ex = await Assert.ThrowsAsync<PlatformException>(() => publisher.PublishAsync(request));

        Assert.Equal("-1001234567890:101", first.PlatformPostId); // the first token's mock answered
        Assert.Equal("-1001234567890:555", second.PlatformPostId); // the rotated token's URL was called
        Assert.Equal(PlatformErrorKind.AuthExpired, ex.Kind);
        Assert.DoesNotContain("evil", ex.ToString());
    }

    [Fact]
    public async Task A_large_body_without_a_length_is_read_whole()
    {
        using var host = new TelegramTestHost();
        var text = new string('a', 20_000);
        var json = TelegramTestHost.Ok(TelegramTestHost.MessageJson(777).Replace("\"text\":\"ok\"", "\"text\":\"" + text + "\"", StringComparison.Ordinal));
        host.Http.When(HttpMethod.Post, TelegramTestHost.Url("sendMessage"))
            .Respond(() => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(json))),
            }));

        var result = await host.Get<TelegramPublisher>().PublishAsync(new PublishRequest(TelegramTestHost.Account, new Post { Text = "x" }, "k"));

        Assert.Equal("-1001234567890:777", result.PlatformPostId);
    }

    /// <summary>A forward-only stream that hands out a few bytes per read and has no length, like a chunked response.</summary>
    private sealed class UnknownLengthStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 1_000), data.Length - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
