using System.Net;
using System.Text;
using RichardSzalay.MockHttp;

namespace Rizquna.Connectors.Waha.Tests;

/// <summary>The polling fallback over chats and messages (platform-contracts.md §4.4), driven by a manual clock.</summary>
public sealed class PollingTests
{
    // Clock: 2024-10-23 08:00:00 UTC = 1729670400; the first poll looks back one hour (1729666800).
    private const long Now = 1729670400;
    private const string Alice = "6281111111111@c.us";
    private const string Budi = "6282222222222@c.us";

    private static string Chats(long aliceActivity, long budiActivity) =>
        $$"""
        [{"id":{"server":"c.us","user":"6281111111111","_serialized":"{{Alice}}"},"name":"Alice","timestamp":{{aliceActivity}}},
         {"id":"6282222222222@s.whatsapp.net","conversationTimestamp":{{budiActivity}}},
         {"id":"status@broadcast","timestamp":{{Now}}},
         {"id":"120363098765432109@newsletter","timestamp":{{Now}}}]
        """;

    private static string Message(string id, long ts, string from, bool fromMe = false, string body = "hi") =>
        $$"""{"id":"{{id}}","timestamp":{{ts}},"from":"{{from}}","fromMe":{{(fromMe ? "true" : "false")}},"to":"x@c.us","body":"{{body}}","hasMedia":false}""";

    private static string Array(params string[] items) => "[" + string.Join(',', items) + "]";

    private static MockedRequest MessagesOf(WahaFixture f, string chatId, string json) =>
        f.Http.When(HttpMethod.Get, $"http://waha.test/api/default/chats/{Uri.EscapeDataString(chatId)}/messages")
            .WithExactQueryString("limit=50&downloadMedia=false")
            .Respond("application/json", json);

    private static MockedRequest ChatList(WahaFixture f, string json) =>
        f.Http.When(HttpMethod.Get, "http://waha.test/api/default/chats")
            .WithExactQueryString("limit=50&offset=0&sortBy=conversationTimestamp&sortOrder=desc")
            .Respond("application/json", json);

    private static async Task<List<InboxItem>> Poll(WahaFixture f, InboxCursor? cursor)
    {
        var items = new List<InboxItem>();
        await foreach (var item in f.Get<IEnumerable<IInboxPoller>>().Single().PollAsync(WahaFixture.Account, cursor))
        {
            items.Add(item);
        }

        return items;
    }

    [Fact]
    public async Task The_first_poll_reads_the_lookback_window_oldest_first_without_own_messages()
    {
        using var f = new WahaFixture();
        ChatList(f, Chats(Now - 60, Now - 30));
        MessagesOf(f, Alice, Array(
            Message("false_a_old", Now - 7200, Alice),           // before the lookback window
            Message("false_a_1", Now - 600, Alice, body: "halo"),
            Message("true_a_own", Now - 500, "6289999999999@c.us", fromMe: true),
            Message("false_a_2", Now - 60, Alice)));
        MessagesOf(f, Budi, Array(Message("false_b_1", Now - 300, "6282222222222@s.whatsapp.net")));

        var items = await Poll(f, null);

        Assert.Equal(["false_a_1", "false_b_1", "false_a_2"], items.Select(i => i.Id));
        Assert.Equal(Budi, items[1].ThreadId); // @s.whatsapp.net becomes @c.us
        Assert.Equal("halo", items[0].Text);
        Assert.All(items, i => Assert.NotNull(i.Cursor));
        Assert.All(items, i => Assert.Equal("poll", i.Metadata["waha.source"]));
    }

    [Fact]
    public async Task The_next_poll_from_the_cursor_returns_only_newer_messages_and_skips_quiet_chats()
    {
        using var f = new WahaFixture();
        ChatList(f, Chats(Now - 60, Now - 7200)); // Budi's chat has been quiet since before the lookback window
        MessagesOf(f, Alice, Array(Message("false_a_1", Now - 600, Alice), Message("false_a_2", Now - 60, Alice)));
        var first = await Poll(f, null);
        Assert.Equal(2, first.Count);

        f.Http.Clear();
        f.Clock.Advance(TimeSpan.FromMinutes(1));
        ChatList(f, Chats(Now + 30, Now - 7200));
        MessagesOf(f, Alice, Array(Message("false_a_1", Now - 600, Alice), Message("false_a_2", Now - 60, Alice), Message("false_a_3", Now + 30, Alice)));

        var second = await Poll(f, first[^1].Cursor);

        Assert.Equal(["false_a_3"], second.Select(i => i.Id));
        // Budi's messages were not requested: the fallback would have answered 404 and failed the poll.
    }

    [Fact]
    public async Task Messages_in_the_same_second_are_told_apart_by_id()
    {
        using var f = new WahaFixture();
        ChatList(f, Chats(Now, Now - 7200));
        MessagesOf(f, Alice, Array(Message("false_a_1", Now, Alice)));
        var first = await Poll(f, null);

        f.Http.Clear();
        ChatList(f, Chats(Now, Now - 7200));
        MessagesOf(f, Alice, Array(Message("false_a_1", Now, Alice), Message("false_a_2", Now, Alice)));
        var second = await Poll(f, first[^1].Cursor);

        Assert.Equal(["false_a_2"], second.Select(i => i.Id));
    }

    [Fact]
    public async Task After_a_restart_the_poll_resumes_from_the_last_stored_cursor()
    {
        InboxCursor? stored;
        using (var before = new WahaFixture())
        {
            ChatList(before, Chats(Now - 60, Now - 30));
            MessagesOf(before, Alice, Array(Message("false_a_1", Now - 600, Alice), Message("false_a_2", Now - 60, Alice)));
            MessagesOf(before, Budi, Array(Message("false_b_1", Now - 300, Budi)));
            var items = await Poll(before, null);
            stored = items[0].Cursor; // the process stored only the first item, then crashed
        }

        using var after = new WahaFixture();
        ChatList(after, Chats(Now - 60, Now - 30));
        MessagesOf(after, Alice, Array(Message("false_a_1", Now - 600, Alice), Message("false_a_2", Now - 60, Alice)));
        MessagesOf(after, Budi, Array(Message("false_b_1", Now - 300, Budi)));

        var resumed = await Poll(after, stored);

        Assert.Equal(["false_b_1", "false_a_2"], resumed.Select(i => i.Id)); // re-read, never skipped
    }

    [Fact]
    public async Task A_message_already_delivered_by_the_webhook_is_dropped_from_the_poll()
    {
        using var f = new WahaFixture();
        var body = $$"""{"event":"message","session":"default","payload":{{Message("false_a_1", Now - 600, Alice)}}}""";
        var bytes = Encoding.UTF8.GetBytes(body);
        var hooked = await f.Get<WahaWebhookHandler>().HandleAsync(bytes, WahaWebhookSignature.Sign(bytes, "hook-key"), "sha512");
        Assert.Single(hooked.Items);

        ChatList(f, Chats(Now - 60, Now - 7200));
        MessagesOf(f, Alice, Array(Message("false_a_1", Now - 600, Alice), Message("false_a_2", Now - 60, Alice)));

        var items = await Poll(f, null);

        Assert.Equal(["false_a_2"], items.Select(i => i.Id));
    }

    [Fact]
    public async Task A_failed_message_read_fails_the_poll_without_yielding_anything()
    {
        using var f = new WahaFixture();
        ChatList(f, Chats(Now - 60, Now - 30));
        MessagesOf(f, Alice, Array(Message("false_a_1", Now - 600, Alice)));
        f.Http.When(HttpMethod.Get, $"http://waha.test/api/default/chats/{Uri.EscapeDataString(Budi)}/messages").Respond(HttpStatusCode.InternalServerError);

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Poll(f, null));

        Assert.Equal(PlatformErrorKind.Transient, ex.Kind);
    }

    [Fact]
    public async Task Without_sorting_the_chat_list_query_leaves_the_parameters_out()
    {
        using var f = new WahaFixture(o => o.SortChatsByActivity = false);
        f.Http.When(HttpMethod.Get, "http://waha.test/api/default/chats").WithExactQueryString("limit=50&offset=0").Respond("application/json", "[]");

        Assert.Empty(await Poll(f, null));
    }
}
