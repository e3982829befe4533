using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RichardSzalay.MockHttp;

namespace Rizquna.Connectors.Waha.Tests;

public sealed class PublishingTests
{
    private const string SentWebjs = """{"id":{"fromMe":true,"remote":"6281234567890@c.us","id":"3EB0AAA","_serialized":"true_6281234567890@c.us_3EB0AAA"},"timestamp":1729670400,"body":"Hi"}""";

    private static IPublisher Publisher(WahaFixture f) => f.Get<IEnumerable<IPublisher>>().Single(p => p.Platform == PlatformId.WhatsApp);

    private static PublishRequest Request(Post post) => new(WahaFixture.Account, post, "key-1");

    [Fact]
    public async Task Text_is_sent_with_sendText_to_the_normalised_chat_with_the_api_key()
    {
        using var f = new WahaFixture();
        string? body = null;
        f.Http.Expect(HttpMethod.Post, "http://waha.test/api/sendText")
            .WithHeaders("X-Api-Key", WahaFixture.ApiKey)
            .With(r => { body = r.Content!.ReadAsStringAsync().Result; return true; })
            .Respond(HttpStatusCode.Created, "application/json", SentWebjs);

        var result = await Publisher(f).PublishAsync(Request(new Post
        {
            Text = "Promo hari ini",
            Link = new Uri("https://rizquna.id/p"),
            Metadata = new Dictionary<string, string> { [WahaMetadata.ReplyTo] = "false_6281234567890@c.us_QUOTED" },
        }));

        f.Http.VerifyNoOutstandingExpectation();
        Assert.Equal("true_6281234567890@c.us_3EB0AAA", result.PlatformPostId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1729670400), result.PublishedAt);
        using var json = JsonDocument.Parse(body!);
        Assert.Equal("default", json.RootElement.GetProperty("session").GetString());
        Assert.Equal("6281234567890@c.us", json.RootElement.GetProperty("chatId").GetString());
        Assert.Equal("Promo hari ini\nhttps://rizquna.id/p", json.RootElement.GetProperty("text").GetString());
        Assert.Equal("false_6281234567890@c.us_QUOTED", json.RootElement.GetProperty("reply_to").GetString());
        Assert.False(json.RootElement.TryGetProperty("linkPreview", out _)); // unset option: parameter left out
    }

    [Fact]
    public async Task An_image_by_url_goes_to_sendImage_with_mimetype_filename_and_caption()
    {
        using var f = new WahaFixture();
        string? body = null;
        f.Http.Expect(HttpMethod.Post, "http://waha.test/api/sendImage")
            .With(r => { body = r.Content!.ReadAsStringAsync().Result; return true; })
            .Respond(HttpStatusCode.Created, "application/json", """{"key":{"remoteJid":"6281234567890@s.whatsapp.net","fromMe":true,"id":"BAE5NOWEB"},"messageTimestamp":1729670401}""");

        var result = await Publisher(f).PublishAsync(Request(new Post
        {
            Text = "Katalog",
            Media = [MediaItem.FromUrl(MediaKind.Image, new Uri("https://cdn.test/img/katalog.jpg"))],
            Metadata = new Dictionary<string, string> { [WahaMetadata.ChatId] = "120363012345678901@g.us" },
        }));

        Assert.Equal("BAE5NOWEB", result.PlatformPostId);
        using var json = JsonDocument.Parse(body!);
        var root = json.RootElement;
        Assert.Equal("120363012345678901@g.us", root.GetProperty("chatId").GetString());
        Assert.Equal("Katalog", root.GetProperty("caption").GetString());
        var file = root.GetProperty("file");
        Assert.Equal("image/jpeg", file.GetProperty("mimetype").GetString());
        Assert.Equal("katalog.jpg", file.GetProperty("filename").GetString());
        Assert.Equal("https://cdn.test/img/katalog.jpg", file.GetProperty("url").GetString());
        Assert.False(file.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task A_local_video_is_sent_as_base64_data_and_file_endpoint_is_selectable()
    {
        using var f = new WahaFixture();
        var path = Path.Combine(Path.GetTempPath(), $"waha-{Guid.NewGuid():n}.mp4");
        await File.WriteAllBytesAsync(path, [1, 2, 3, 4]);
        try
        {
            var bodies = new List<string>();
            f.Http.Expect(HttpMethod.Post, "http://waha.test/api/sendVideo")
                .With(r => { bodies.Add(r.Content!.ReadAsStringAsync().Result); return true; })
                .Respond(HttpStatusCode.Created, "application/json", SentWebjs);
            f.Http.Expect(HttpMethod.Post, "http://waha.test/api/sendFile")
                .With(r => { bodies.Add(r.Content!.ReadAsStringAsync().Result); return true; })
                .Respond(HttpStatusCode.Created, "application/json", SentWebjs);

            await Publisher(f).PublishAsync(Request(new Post { Media = [MediaItem.FromFile(MediaKind.Video, path)] }));
            await Publisher(f).PublishAsync(Request(new Post
            {
                Text = "brosur",
                Media = [MediaItem.FromFile(MediaKind.Video, path)],
                Metadata = new Dictionary<string, string> { [WahaMetadata.SendAs] = "file", [WahaMetadata.FileName] = "brosur.mp4" },
            }));

            f.Http.VerifyNoOutstandingExpectation();
            using var video = JsonDocument.Parse(bodies[0]);
            var file = video.RootElement.GetProperty("file");
            Assert.Equal("video/mp4", file.GetProperty("mimetype").GetString());
            Assert.Equal(Path.GetFileName(path), file.GetProperty("filename").GetString());
            Assert.Equal("AQIDBA==", file.GetProperty("data").GetString());
            Assert.False(video.RootElement.TryGetProperty("caption", out _));
            using var doc = JsonDocument.Parse(bodies[1]);
            Assert.Equal("brosur.mp4", doc.RootElement.GetProperty("file").GetProperty("filename").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("812345678")]
    [InlineData("status@broadcast")]
    [InlineData("someone@lid")]
    public async Task A_bad_chat_id_fails_before_any_call(string chat)
    {
        using var f = new WahaFixture();
        var ex = await Assert.ThrowsAsync<PlatformException>(() => Publisher(f).PublishAsync(Request(new Post
        {
            Text = "x",
            Metadata = new Dictionary<string, string> { [WahaMetadata.ChatId] = chat },
        })));

        Assert.Equal(PlatformErrorKind.InvalidContent, ex.Kind);
        Assert.Contains(chat, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, f.Http.GetMatchCount(f.Http.Fallback));
    }

    [Fact]
    public async Task Two_media_items_are_refused_before_any_call()
    {
        using var f = new WahaFixture();
        var media = MediaItem.FromUrl(MediaKind.Image, new Uri("https://cdn.test/a.jpg"));
        var ex = await Assert.ThrowsAsync<PlatformException>(() => Publisher(f).PublishAsync(Request(new Post { Media = [media, media] })));
        Assert.Equal(PlatformErrorKind.InvalidContent, ex.Kind);
    }

    [Fact]
    public async Task A_reply_quotes_the_item_in_its_chat()
    {
        using var f = new WahaFixture();
        string? body = null;
        f.Http.Expect(HttpMethod.Post, "http://waha.test/api/sendText")
            .With(r => { body = r.Content!.ReadAsStringAsync().Result; return true; })
            .Respond(HttpStatusCode.Created, "application/json", """{"id":"true_6281234567890@c.us_R1","timestamp":1729670500}""");
        var item = new InboxItem
        {
            Account = WahaFixture.Account,
            Id = "false_6281234567890@c.us_AAAA",
            Kind = InboxItemKind.ChatMessage,
            ThreadId = "6281234567890@c.us",
            CreatedAt = f.Clock.GetUtcNow(),
        };

        var result = await f.Get<IEnumerable<IInboxResponder>>().Single().ReplyAsync(new ReplyRequest(item, "Terima kasih!", "r-1"));

        Assert.Equal("true_6281234567890@c.us_R1", result.PlatformMessageId);
        using var json = JsonDocument.Parse(body!);
        Assert.Equal("false_6281234567890@c.us_AAAA", json.RootElement.GetProperty("reply_to").GetString());
        Assert.Equal("6281234567890@c.us", json.RootElement.GetProperty("chatId").GetString());
        Assert.Equal("Terima kasih!", json.RootElement.GetProperty("text").GetString());
    }
}
