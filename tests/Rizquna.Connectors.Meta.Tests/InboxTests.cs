using System.Net;
using RichardSzalay.MockHttp;

namespace Rizquna.Connectors.Meta.Tests;

public sealed class InboxTests : IDisposable
{
    private readonly MetaHarness _meta = new();

    private IInboxPoller Poller(PlatformId platform) => _meta.All<IInboxPoller>().Single(p => p.Platform == platform);

    private IInboxResponder Responder(PlatformId platform) => _meta.All<IInboxResponder>().Single(p => p.Platform == platform);

    private static async Task<List<InboxItem>> Drain(IAsyncEnumerable<InboxItem> items)
    {
        var list = new List<InboxItem>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private void FacebookInbox()
    {
        _meta.Http.When(HttpMethod.Get, MetaHarness.Base + MetaHarness.PageId + "/posts").Respond(_ => MetaHarness.Json(HttpStatusCode.OK,
            "{\"data\":[{\"id\":\"111_1\",\"updated_time\":\"2026-12-03T09:59:00+0000\"}]}"));
        _meta.Http.When(HttpMethod.Get, MetaHarness.Base + "111_1/comments").Respond(_ => MetaHarness.Json(HttpStatusCode.OK,
            "{\"data\":[{\"id\":\"111_1_c2\",\"message\":\"Berapa harganya?\",\"from\":{\"id\":\"555\",\"name\":\"Budi\"},\"created_time\":\"2026-12-03T09:50:00+0000\"},"
            + "{\"id\":\"111_1_c1\",\"message\":\"Terima kasih\",\"from\":{\"id\":\"" + MetaHarness.PageId + "\",\"name\":\"Toko\"},\"created_time\":\"2026-12-03T09:40:00+0000\"}],"
            + "\"paging\":{\"cursors\":{\"before\":\"x\",\"after\":\"y\"}},\"summary\":{\"order\":\"ranked\",\"total_count\":2,\"can_comment\":true}}"));
        _meta.Http.When(HttpMethod.Get, MetaHarness.Base + MetaHarness.PageId + "/conversations").Respond(_ => MetaHarness.Json(HttpStatusCode.OK,
            "{\"data\":[{\"id\":\"t_10223\",\"updated_time\":\"2026-12-03T09:55:00+0000\",\"messages\":{\"data\":["
            + "{\"id\":\"m_2\",\"message\":\"Halo kak\",\"from\":{\"id\":\"777\",\"name\":\"Sari\",\"email\":\"777@facebook.com\"},\"created_time\":\"2026-12-03T09:55:00+0000\"},"
            + "{\"id\":\"m_old\",\"message\":\"kemarin\",\"from\":{\"id\":\"777\",\"name\":\"Sari\"},\"created_time\":\"2026-12-01T09:00:00+0000\"}]}}],"
            + "\"paging\":{\"cursors\":{\"before\":\"a\",\"after\":\"b\"}}}"));
    }

    [Fact]
    public async Task Facebook_comments_and_messages_come_oldest_first_with_cursors_and_own_items_marked()
    {
        FacebookInbox();

        var items = await Drain(Poller(PlatformId.Facebook).PollAsync(MetaHarness.Page, null));

        Assert.Equal(["111_1_c1", "111_1_c2", "m_2"], items.Select(i => i.Id));
        Assert.True(items[0].IsFromSelf);
        Assert.Equal(InboxItemKind.Comment, items[1].Kind);
        Assert.Equal(new InboxParticipant("555", "Budi"), items[1].From);
        Assert.Equal("111_1", items[1].ThreadId);
        Assert.Equal(InboxItemKind.DirectMessage, items[2].Kind);
        Assert.Equal("t_10223", items[2].ThreadId);
        Assert.True(items[2].CanReply);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 9, 55, 0, TimeSpan.Zero), items[2].CreatedAt);
        Assert.Contains("since=" + _meta.Clock.GetUtcNow().AddHours(-24).ToUnixTimeSeconds(), _meta.Last(HttpMethod.Get, "/comments").Uri.Query);

        // The next poll from the last cursor returns nothing already seen.
        var again = await Drain(Poller(PlatformId.Facebook).PollAsync(MetaHarness.Page, items[^1].Cursor));
        Assert.Empty(again);

        // From the first cursor: only the later two.
        var later = await Drain(Poller(PlatformId.Facebook).PollAsync(MetaHarness.Page, items[0].Cursor));
        Assert.Equal(["111_1_c2", "m_2"], later.Select(i => i.Id));
    }

    [Fact]
    public async Task Instagram_media_comments_are_polled()
    {
        _meta.Http.When(HttpMethod.Get, MetaHarness.Base + MetaHarness.IgUserId + "/media").Respond(_ => MetaHarness.Json(HttpStatusCode.OK,
            "{\"data\":[{\"id\":\"17900\",\"timestamp\":\"2026-12-02T10:00:00+0000\"}]}"));
        _meta.Http.When(HttpMethod.Get, MetaHarness.Base + "17900/comments").Respond(_ => MetaHarness.Json(HttpStatusCode.OK,
            "{\"data\":[{\"id\":\"17870913679156914\",\"text\":\"This is awesome!\",\"timestamp\":\"2026-12-03T09:16:02+0000\",\"username\":\"ana\",\"from\":{\"id\":\"9\",\"username\":\"ana\"}}],\"paging\":{}}"));

        var items = await Drain(Poller(PlatformId.Instagram).PollAsync(MetaHarness.Ig, null));

        var item = Assert.Single(items);
        Assert.Equal("This is awesome!", item.Text);
        Assert.Equal(new InboxParticipant("9", "ana"), item.From);
        Assert.Equal("17900", item.Metadata["meta.media_id"]);
    }

    [Fact]
    public async Task A_facebook_comment_reply_goes_to_the_comment_comments_edge()
    {
        _meta.Http.When(HttpMethod.Post, MetaHarness.Base + "111_1_c2/comments").Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"id\":\"111_1_c9\"}"));
        var comment = Item(MetaHarness.Page, "111_1_c2", InboxItemKind.Comment, _meta.Clock.GetUtcNow());

        var result = await Responder(PlatformId.Facebook).ReplyAsync(new ReplyRequest(comment, "Rp 50.000", "r1"));

        Assert.Equal("111_1_c9", result.PlatformMessageId);
        Assert.Equal("{\"message\":\"Rp 50.000\"}", _meta.Last(HttpMethod.Post, "/comments").Body);
    }

    [Fact]
    public async Task An_instagram_comment_reply_goes_to_replies()
    {
        _meta.Http.When(HttpMethod.Post, MetaHarness.Base + "17870913679156914/replies").Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"id\":\"17870000\"}"));

        var result = await Responder(PlatformId.Instagram).ReplyAsync(new ReplyRequest(Item(MetaHarness.Ig, "17870913679156914", InboxItemKind.Comment, _meta.Clock.GetUtcNow()), "Thanks", "r2"));

        Assert.Equal("17870000", result.PlatformMessageId);
    }

    [Fact]
    public async Task A_messenger_reply_inside_the_window_uses_the_send_api()
    {
        _meta.Http.When(HttpMethod.Post, MetaHarness.Base + "me/messages").Respond(_ => MetaHarness.Json(HttpStatusCode.OK, "{\"recipient_id\":\"777\",\"message_id\":\"m_reply\"}"));

        var result = await Responder(PlatformId.Facebook).ReplyAsync(new ReplyRequest(
            Item(MetaHarness.Page, "m_2", InboxItemKind.DirectMessage, _meta.Clock.GetUtcNow().AddHours(-23)), "Siap kak", "r3"));

        Assert.Equal("m_reply", result.PlatformMessageId);
        Assert.Equal("{\"recipient\":{\"id\":\"777\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"Siap kak\"}}", _meta.Last(HttpMethod.Post, "/messages").Body);
    }

    [Fact]
    public async Task A_messenger_reply_outside_the_24_hour_window_is_refused_before_any_call()
    {
        var ex = await Assert.ThrowsAsync<PlatformException>(() => Responder(PlatformId.Facebook).ReplyAsync(new ReplyRequest(
            Item(MetaHarness.Page, "m_old", InboxItemKind.DirectMessage, _meta.Clock.GetUtcNow().AddHours(-25)), "late", "r4")));

        Assert.Equal(PlatformErrorKind.Forbidden, ex.Kind);
        Assert.Contains("24-hour messaging window", ex.Message);
        Assert.Empty(_meta.Requests);
    }

    [Fact]
    public async Task A_reply_that_times_out_is_outcome_unknown_and_sent_once()
    {
        _meta.Http.When(HttpMethod.Post, MetaHarness.Base + "c1/comments").Respond(_ => throw new TaskCanceledException("timeout", new TimeoutException()));

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Responder(PlatformId.Facebook).ReplyAsync(new ReplyRequest(
            Item(MetaHarness.Page, "c1", InboxItemKind.Comment, _meta.Clock.GetUtcNow()), "x", "r5")));

        Assert.Equal(PlatformErrorKind.OutcomeUnknown, ex.Kind);
        Assert.Equal(1, _meta.Count(HttpMethod.Post, "/comments"));
    }

    private static InboxItem Item(AccountRef account, string id, InboxItemKind kind, DateTimeOffset at) => new()
    {
        Account = account,
        Id = id,
        Kind = kind,
        CreatedAt = at,
        From = new InboxParticipant("777", "Sari"),
    };

    public void Dispose() => _meta.Dispose();
}
