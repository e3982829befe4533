using System.Net;

namespace Rizquna.Connectors.Telegram.Tests;

public sealed class PublisherTests
{
    private static PublishRequest Request(Post post, AccountRef? account = null) => new(account ?? TelegramTestHost.Account, post, "key-1");

    private static MediaItem Photo(int i = 0) => MediaItem.FromUrl(MediaKind.Image, new Uri($"https://cdn.test/p{i}.jpg"));

    [Fact]
    public async Task Text_goes_out_with_sendMessage_in_HTML_with_everything_escaped()
    {
        using var host = new TelegramTestHost();
        host.AnswerSendsWithMessages();

        var result = await host.Get<TelegramPublisher>().PublishAsync(Request(new Post { Text = "Promo <b>50%</b> & more" }));

        var call = Assert.Single(host.CallsTo("sendMessage"));
        Assert.Equal("@rizquna_channel", call.Json.GetProperty("chat_id").GetString());
        Assert.Equal("HTML", call.Json.GetProperty("parse_mode").GetString());
        Assert.Equal("Promo &lt;b&gt;50%&lt;/b&gt; &amp; more", call.Json.GetProperty("text").GetString());
        Assert.Equal("-1001234567890:101", result.PlatformPostId);
        Assert.Equal(new Uri("https://t.me/rizquna_channel/101"), result.Permalink);
        Assert.Equal("-1001234567890", result.Details["telegram.chat_id"]);
    }

    [Fact]
    public async Task The_request_body_carries_entities_and_non_ASCII_text_as_UTF8_not_as_unicode_escapes()
    {
        using var host = new TelegramTestHost();
        host.AnswerSendsWithMessages();

        await host.Get<TelegramPublisher>().PublishAsync(Request(new Post { Text = "Diskon <20%> & gratis ongkir — café \"hari ini\"" }));

        // The relaxed encoder (BotApiJsonContext.Wire): no \u0026lt; for every entity; quotes are still escaped (emoji too,
        // as surrogate pairs: the encoder only lets the basic multilingual plane through).
        var body = Assert.Single(host.CallsTo("sendMessage")).Body;
        Assert.Contains("Diskon &lt;20%&gt; &amp; gratis ongkir — café \\\"hari ini\\\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_is_appended_to_the_text_once()
    {
        using var host = new TelegramTestHost();
        host.AnswerSendsWithMessages();

        await host.Get<TelegramPublisher>().PublishAsync(Request(new Post { Text = "New", Link = new Uri("https://rizquna.id/p?a=1&b=2") }));

        Assert.Equal("New\n\nhttps://rizquna.id/p?a=1&amp;b=2", host.CallsTo("sendMessage")[0].Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_photo_by_URL_uses_sendPhoto_with_the_caption()
    {
        using var host = new TelegramTestHost();
        host.AnswerSendsWithMessages();

        await host.Get<TelegramPublisher>().PublishAsync(Request(new Post { Text = "a < b", Media = [Photo()] }));

        var call = Assert.Single(host.Calls);
        Assert.Equal("sendPhoto", call.Method);
        Assert.Equal("https://cdn.test/p0.jpg", call.Json.GetProperty("photo").GetString());
        Assert.Equal("a &lt; b", call.Json.GetProperty("caption").GetString());
        Assert.Equal("HTML", call.Json.GetProperty("parse_mode").GetString());
    }

    [Fact]
    public async Task A_video_by_URL_uses_sendVideo()
    {
        using var host = new TelegramTestHost();
        host.AnswerSendsWithMessages();

        await host.Get<TelegramPublisher>().PublishAsync(Request(new Post
        {
            Text = "clip",
            Media = [MediaItem.FromUrl(MediaKind.Video, new Uri("https://cdn.test/v.mp4"))],
        }));

        var call = Assert.Single(host.Calls);
        Assert.Equal("sendVideo", call.Method);
        Assert.Equal("https://cdn.test/v.mp4", call.Json.GetProperty("video").GetString());
        Assert.True(call.Json.GetProperty("supports_streaming").GetBoolean());
    }

    [Fact]
    public async Task An_album_of_ten_is_one_sendMediaGroup_with_the_caption_on_the_first_item()
    {
        using var host = new TelegramTestHost();
        host.AnswerSendsWithMessages();

        var result = await host.Get<TelegramPublisher>().PublishAsync(Request(new Post
        {
            Text = "Katalog & harga",
            Media = [.. Enumerable.Range(0, 10).Select(Photo)],
        }));

        var call = Assert.Single(host.Calls);
        Assert.Equal("sendMediaGroup", call.Method);
        var media = call.Json.GetProperty("media").EnumerateArray().ToArray();
        Assert.Equal(10, media.Length);
        Assert.All(media, m => Assert.Equal("photo", m.GetProperty("type").GetString()));
        Assert.Equal("Katalog &amp; harga", media[0].GetProperty("caption").GetString());
        Assert.All(media.Skip(1), m => Assert.False(m.TryGetProperty("caption", out _)));
        Assert.Equal(10, result.Details["telegram.message_ids"].Split(',').Length);
    }

    [Fact]
    public async Task An_album_of_eleven_is_refused_before_any_call()
    {
        using var host = new TelegramTestHost();
        host.AnswerSendsWithMessages();

        var ex = await Assert.ThrowsAsync<PlatformException>(() => host.Get<TelegramPublisher>().PublishAsync(Request(new Post
        {
            Media = [.. Enumerable.Range(0, 11).Select(Photo)],
        })));

        Assert.Equal(PlatformErrorKind.InvalidContent, ex.Kind);
        Assert.Empty(host.Calls);
    }

    [Fact]
    public async Task A_2000_character_caption_with_a_photo_never_produces_a_400()
    {
        using var host = new TelegramTestHost();
        // A fake that behaves like Telegram: captions over 1,024 are refused.
        host.On("sendPhoto", body =>
        {
            var caption = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("caption").GetString()!;
            return caption.Length > 1024
                ? (HttpStatusCode.BadRequest, TelegramTestHost.Error(400, "Bad Request: message caption is too long"))
                : (HttpStatusCode.OK, TelegramTestHost.Ok(TelegramTestHost.MessageJson(7)));
        });
        host.On("sendMessage", HttpStatusCode.OK, TelegramTestHost.Ok(TelegramTestHost.MessageJson(8)));
        var text = string.Join(' ', Enumerable.Repeat("kata", 400)); // 1,999 characters

        var result = await host.Get<TelegramPublisher>().PublishAsync(Request(new Post { Text = text, Media = [Photo()] }));

        var photo = Assert.Single(host.CallsTo("sendPhoto"));
        var caption = photo.Json.GetProperty("caption").GetString()!;
        Assert.True(caption.Length <= 200, caption);
        Assert.EndsWith("…", caption);
        var reply = Assert.Single(host.CallsTo("sendMessage"));
        Assert.Equal(text, reply.Json.GetProperty("text").GetString());
        Assert.Equal(7, reply.Json.GetProperty("reply_parameters").GetProperty("message_id").GetInt64());
        Assert.Equal("-1001234567890:7", result.PlatformPostId);
        Assert.Equal("8", result.Details["telegram.reply_message_id"]);
    }

    [Fact]
    public async Task The_link_preview_fallback_sends_one_text_message_previewing_the_photo()
    {
        using var host = new TelegramTestHost(o => o.CaptionOverflow = TelegramCaptionOverflow.TextWithLinkPreview);
        host.AnswerSendsWithMessages();
        var text = new string('x', 1500);

        await host.Get<TelegramPublisher>().PublishAsync(Request(new Post { Text = text, Media = [Photo()] }));

        var call = Assert.Single(host.Calls);
        Assert.Equal("sendMessage", call.Method);
        Assert.Equal(text, call.Json.GetProperty("text").GetString());
        var preview = call.Json.GetProperty("link_preview_options");
        Assert.Equal("https://cdn.test/p0.jpg", preview.GetProperty("url").GetString());
        Assert.True(preview.GetProperty("show_above_text").GetBoolean());
    }

    [Fact]
    public async Task A_text_over_4096_is_refused_before_any_call()
    {
        using var host = new TelegramTestHost();
        host.AnswerSendsWithMessages();

        var ex = await Assert.ThrowsAsync<PlatformException>(() =>
            host.Get<TelegramPublisher>().PublishAsync(Request(new Post { Text = new string('a', 4097) })));

        Assert.Equal(PlatformErrorKind.InvalidContent, ex.Kind);
        Assert.Empty(host.Calls);
    }

    [Fact]
    public async Task A_local_photo_is_uploaded_as_multipart()
    {
        using var host = new TelegramTestHost();
        host.AnswerSendsWithMessages();
        var path = Path.Combine(Path.GetTempPath(), $"rz-tg-{Guid.NewGuid():n}.jpg");
        await File.WriteAllBytesAsync(path, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
        try
        {
            await host.Get<TelegramPublisher>().PublishAsync(Request(new Post { Text = "upload", Media = [MediaItem.FromFile(MediaKind.Image, path)] }));
        }
        finally
        {
            File.Delete(path);
        }

        var call = Assert.Single(host.Calls);
        Assert.Equal("sendPhoto", call.Method);
        Assert.Equal("multipart/form-data", call.ContentType);
        Assert.Contains("name=photo; filename=", call.Body);
        Assert.Contains("name=chat_id", call.Body);
        Assert.Contains("@rizquna_channel", call.Body);
        Assert.Contains("name=parse_mode", call.Body);
    }

    [Fact]
    public async Task An_album_mixing_files_and_URLs_references_uploads_with_attach()
    {
        using var host = new TelegramTestHost();
        host.On("sendMediaGroup", System.Net.HttpStatusCode.OK,
            TelegramTestHost.Ok("[" + TelegramTestHost.MessageJson(1) + "," + TelegramTestHost.MessageJson(2) + "]"));
        var path = Path.Combine(Path.GetTempPath(), $"rz-tg-{Guid.NewGuid():n}.mp4");
        await File.WriteAllBytesAsync(path, [0, 0, 0, 0x18]);
        try
        {
            await host.Get<TelegramPublisher>().PublishAsync(Request(new Post
            {
                Text = "mix",
                Media = [Photo(), MediaItem.FromFile(MediaKind.Video, path)],
            }));
        }
        finally
        {
            File.Delete(path);
        }

        var call = Assert.Single(host.Calls);
        Assert.Equal("multipart/form-data", call.ContentType);
        Assert.Contains("\"media\":\"attach://file1\"", call.Body);
        Assert.Contains("\"media\":\"https://cdn.test/p0.jpg\"", call.Body);
        Assert.Contains("name=file1; filename=", call.Body);
    }

    [Fact]
    public async Task A_missing_local_file_is_invalid_content_before_any_call()
    {
        using var host = new TelegramTestHost();

        var ex = await Assert.ThrowsAsync<PlatformException>(() => host.Get<TelegramPublisher>().PublishAsync(Request(new Post
        {
            Media = [MediaItem.FromFile(MediaKind.Image, "/nonexistent/x.jpg")],
        })));

        Assert.Equal(PlatformErrorKind.InvalidContent, ex.Kind);
        Assert.Empty(host.Calls);
    }

    [Fact]
    public async Task A_migrated_group_is_followed_once_and_the_new_id_reported_and_remembered()
    {
        var account = new AccountRef(PlatformId.Telegram, "001", "-4001");
        using var host = new TelegramTestHost();
        host.On("sendMessage", body => System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("chat_id").GetString() == "-4001"
            ? (HttpStatusCode.BadRequest, TelegramTestHost.Error(400, "Bad Request: group chat was upgraded to a supergroup chat",
                "{\"migrate_to_chat_id\":-1001234567890}"))
            : (HttpStatusCode.OK, TelegramTestHost.Ok(TelegramTestHost.MessageJson(5))));
        var publisher = host.Get<TelegramPublisher>();

        var first = await publisher.PublishAsync(Request(new Post { Text = "hi" }, account));
        await publisher.PublishAsync(Request(new Post { Text = "again" }, account));

        Assert.Equal("-1001234567890", first.Details["telegram.migrated_chat_id"]);
        var chats = host.CallsTo("sendMessage").Select(c => c.Json.GetProperty("chat_id").GetString()!).ToArray();
        Assert.Equal(["-4001", "-1001234567890", "-1001234567890"], chats);
    }

    [Fact]
    public async Task A_second_migration_is_not_followed()
    {
        var account = new AccountRef(PlatformId.Telegram, "001", "-4001");
        using var host = new TelegramTestHost();
        host.On("sendMessage", HttpStatusCode.BadRequest, TelegramTestHost.Error(400, "Bad Request: group chat was upgraded to a supergroup chat",
            "{\"migrate_to_chat_id\":-1009}"));

        var ex = await Assert.ThrowsAnyAsync<PlatformException>(() => host.Get<TelegramPublisher>().PublishAsync(Request(new Post { Text = "hi" }, account)));

        Assert.Equal(PlatformErrorKind.Permanent, ex.Kind);
        Assert.Contains("-1009", ex.Message);
        Assert.Equal(2, host.Calls.Count);
    }

    [Fact]
    public async Task An_account_without_a_chat_id_uses_the_configured_one_and_a_bad_one_is_refused()
    {
        using var host = new TelegramTestHost(o => o.ChatId = "-100777");
        host.AnswerSendsWithMessages();
        var publisher = host.Get<TelegramPublisher>();

        await publisher.PublishAsync(Request(new Post { Text = "x" }, TelegramTestHost.Account with { PlatformAccountId = "" }));
        var ex = await Assert.ThrowsAsync<PlatformException>(() =>
            publisher.PublishAsync(Request(new Post { Text = "x" }, TelegramTestHost.Account with { PlatformAccountId = "not a chat" })));

        Assert.Equal("-100777", host.CallsTo("sendMessage")[0].Json.GetProperty("chat_id").GetString());
        Assert.Equal(PlatformErrorKind.Permanent, ex.Kind);
    }

    [Fact]
    public void Limits_are_the_configured_text_and_caption_lengths()
    {
        using var host = new TelegramTestHost(o => o.MaxCaptionLength = 900);

        var limits = host.Get<TelegramPublisher>().Limits;

        Assert.Equal(4096, limits.MaxTextLength);
        Assert.Equal(900, limits.MaxTextLengthWithMedia);
        Assert.Equal(10, limits.MaxMediaItems);
    }
}
