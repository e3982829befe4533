using System.Net;

namespace Rizquna.Connectors.Telegram.Tests;

public sealed class InboxTests
{
    private const string Updates = """
        [{"update_id":500,"message":{"message_id":11,"from":{"id":42,"is_bot":false,"first_name":"Siti","last_name":"A","username":"siti"},
          "chat":{"id":42,"type":"private","first_name":"Siti"},"date":1700000000,"text":"Halo, ready?"}},
         {"update_id":501,"channel_post":{"message_id":12,"sender_chat":{"id":-1001234567890,"type":"channel","title":"Rizquna"},
          "chat":{"id":-1001234567890,"type":"channel","title":"Rizquna"},"date":1700000060,"caption":"new photo"}},
         {"update_id":502,"callback_query":{"id":"cbq-1","from":{"id":42,"is_bot":false,"first_name":"Siti"},
          "message":{"message_id":13,"chat":{"id":42,"type":"private"},"date":1700000100,"text":"Pick"},"chat_instance":"ci","data":"buy:7"}},
         {"update_id":503,"poll":{"id":"p"}}]
        """;

    private static async Task<List<InboxItem>> Poll(TelegramTestHost host, InboxCursor? after)
    {
        var items = new List<InboxItem>();
        await foreach (var item in host.Get<TelegramInboxPoller>().PollAsync(TelegramTestHost.Account, after))
        {
            items.Add(item);
        }

        return items;
    }

    [Fact]
    public async Task Updates_become_inbox_items_with_cursors_and_allowed_updates_are_sent()
    {
        using var host = new TelegramTestHost();
        host.On("getUpdates", HttpStatusCode.OK, TelegramTestHost.Ok(Updates));

        var items = await Poll(host, null);

        var call = Assert.Single(host.Calls);
        Assert.False(call.Json.TryGetProperty("offset", out _));
        Assert.Equal(10, call.Json.GetProperty("timeout").GetInt32());
        Assert.Equal(["message", "channel_post", "callback_query"],
            call.Json.GetProperty("allowed_updates").EnumerateArray().Select(e => e.GetString()!).ToArray());

        Assert.Equal(3, items.Count);
        var message = items[0];
        Assert.Equal(InboxItemKind.ChatMessage, message.Kind);
        Assert.Equal("42:11", message.Id);
        Assert.Equal("42", message.ThreadId);
        Assert.Equal("Halo, ready?", message.Text);
        Assert.Equal(new InboxParticipant("42", "Siti A"), message.From);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), message.CreatedAt);
        Assert.Equal("501", message.Cursor!.Value);
        Assert.Contains("\"update_id\":500", message.RawJson);

        Assert.Equal(InboxItemKind.ChannelPost, items[1].Kind);
        Assert.Equal("new photo", items[1].Text);
        Assert.Equal("-1001234567890", items[1].From!.Id);

        var callback = items[2];
        Assert.Equal(InboxItemKind.CallbackQuery, callback.Kind);
        Assert.Equal("buy:7", callback.Text);
        Assert.Equal("13", callback.Metadata["telegram.message_id"]);
        Assert.Equal("503", callback.Cursor!.Value);
    }

    [Fact]
    public async Task The_offset_survives_a_restart_through_the_persisted_cursor()
    {
        using (var first = new TelegramTestHost())
        {
            first.On("getUpdates", HttpStatusCode.OK, TelegramTestHost.Ok(Updates));
            var items = await Poll(first, null);
            Assert.Equal("503", items[^1].Cursor!.Value);
        }

        // A new process, given the stored cursor: Telegram is asked from there, which confirms everything before.
        using var second = new TelegramTestHost();
        second.On("getUpdates", HttpStatusCode.OK, TelegramTestHost.Ok("[]"));

        var none = await Poll(second, new InboxCursor("503"));

        Assert.Empty(none);
        Assert.Equal(503, Assert.Single(second.Calls).Json.GetProperty("offset").GetInt64());
    }

    [Fact]
    public async Task A_full_page_is_followed_by_another_without_waiting()
    {
        using var host = new TelegramTestHost(o => o.Inbox.Limit = 2);
        host.On("getUpdates", body =>
        {
            var offset = System.Text.Json.JsonDocument.Parse(body).RootElement.TryGetProperty("offset", out var o) ? o.GetInt64() : 0;
            return offset switch
            {
                0 => (HttpStatusCode.OK, TelegramTestHost.Ok(Page(1, 2))),
                3 => (HttpStatusCode.OK, TelegramTestHost.Ok(Page(3))),
                _ => (HttpStatusCode.OK, TelegramTestHost.Ok("[]")),
            };
        });

        var items = await Poll(host, null);

        Assert.Equal(["1:1", "1:2", "1:3"], items.Select(i => i.Id).ToArray());
        var calls = host.CallsTo("getUpdates");
        Assert.Equal(2, calls.Length);
        Assert.Equal(0, calls[1].Json.GetProperty("timeout").GetInt32());
        Assert.Equal(3, calls[1].Json.GetProperty("offset").GetInt64());
    }

    [Fact]
    public async Task A_reply_uses_reply_parameters_in_the_item_chat()
    {
        using var host = new TelegramTestHost();
        host.On("getUpdates", HttpStatusCode.OK, TelegramTestHost.Ok(Updates));
        host.On("sendMessage", HttpStatusCode.OK, TelegramTestHost.Ok(TelegramTestHost.MessageJson(99, chatId: 42)));
        var item = (await Poll(host, null))[0];

        var result = await host.Get<TelegramResponder>().ReplyAsync(new ReplyRequest(item, "Siap <kak> & terima kasih", "r-1"));

        var call = Assert.Single(host.CallsTo("sendMessage"));
        Assert.Equal("42", call.Json.GetProperty("chat_id").GetString());
        Assert.Equal("Siap &lt;kak&gt; &amp; terima kasih", call.Json.GetProperty("text").GetString());
        Assert.Equal(11, call.Json.GetProperty("reply_parameters").GetProperty("message_id").GetInt64());
        Assert.True(call.Json.GetProperty("reply_parameters").GetProperty("allow_sending_without_reply").GetBoolean());
        Assert.Equal("42:99", result.PlatformMessageId);
    }

    [Fact]
    public async Task A_bad_cursor_is_refused()
    {
        using var host = new TelegramTestHost();

        await Assert.ThrowsAsync<ArgumentException>(() => Poll(host, new InboxCursor("yesterday")));
    }

    private static string Page(params int[] updateIds) => "[" + string.Join(',', updateIds.Select(id =>
        "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"chat\":{\"id\":1,\"type\":\"private\"},\"date\":1700000000,\"text\":\"m\"}}")) + "]";
}
