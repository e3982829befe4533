using Microsoft.Extensions.DependencyInjection;
using Rizquna.Content;
using Rizquna.Scheduling.Lanes;
using Rizquna.Scheduling.Lanes.Folder;
using Rizquna.Scheduling.Lanes.Inbox;
using Rizquna.Scheduling.Lanes.Publishing;
using Rizquna.Scheduling.Lanes.Reply;
using Rizquna.Scheduling.Lanes.Reporting;
using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Runs;
using Rizquna.Scheduling.Storage.Sqlite;
using Rizquna.Scheduling.Tests.Support;

namespace Rizquna.Scheduling.Tests.Lanes;

/// <summary>
/// A whole day for three Facebook Pages in Jakarta, through the kernel: plan → engine ticks on a manual clock → the real
/// lane handlers, with fake platform services that record every call. Runs on the in-memory and the SQLite stores.
/// </summary>
public sealed class LanesSimulatedDayTests : IDisposable
{
    // 2026-12-03 local midnight in Jakarta (UTC+7).
    private static readonly DateTimeOffset Midnight = new(2026, 12, 2, 17, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    private static DateTimeOffset Local(int hour, int minute) => Midnight.AddHours(hour).AddMinutes(minute);

    public void Dispose() => _folder.Dispose();

    private static InboxItem Item(string account, string id, string text, InboxItemKind kind = InboxItemKind.Comment, bool self = false, string author = "cust-1") => new()
    {
        Account = new AccountRef(PlatformId.Facebook, account, "page-" + account),
        Id = id,
        Kind = kind,
        Text = text,
        From = new InboxParticipant(author, "Sari"),
        CreatedAt = Midnight,
        IsFromSelf = self,
        CanReply = kind != InboxItemKind.Order,
        RawJson = $$"""{"id":"{{id}}"}""",
    };

    private void WriteContent()
    {
        _folder.File("content/001/001-promo/photo.jpg");
        _folder.File("content/001/001-promo/manifest.yaml", "text: \"Promo {{product}} hari ini\"\nlink: https://shop.example/p/1\ndata:\n  product: Kopi\nhashtags: [kopi, promo]\n");
        _folder.File("content/001/002-later.jpg");
        _folder.File("content/002/a.jpg");
        _folder.File("content/002/a.txt", "Selamat pagi dari 002");
        _folder.File("content/003/launch/caption.txt", "Launch day {{date}}");
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task A_day_for_three_accounts_posts_once_each_at_its_minute_replies_once_and_reports_at_21(string storage)
    {
        WriteContent();
        RecordingPublisher publisher = null!;
        ScriptedInboxPoller poller = null!;
        RecordingResponder responder = null!;
        var sqlite = storage == "sqlite" ? _folder.SqliteConnectionString("day.db") : null;
        await using var kernel = new KernelHarness(Midnight, o =>
        {
            o.JobPrefix = "ops";
            o.TimeZone = "Asia/Jakarta";
            o.Providers = [new ProviderSettings { Platform = "facebook", AccountRange = "001..003" }];
            o.Lanes.ReplyInterval = TimeSpan.FromMinutes(5);
        }, services =>
        {
            services.AddSingleton<IPublisher>(sp => publisher = new RecordingPublisher(PlatformId.Facebook, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IInboxPoller>(_ => poller = new ScriptedInboxPoller(PlatformId.Facebook));
            services.AddSingleton<IInboxResponder>(sp => responder = new RecordingResponder(PlatformId.Facebook, sp.GetRequiredService<TimeProvider>()));
            if (sqlite is not null)
            {
                services.AddSingleton<IInboxStore>(sp => new SqliteInboxStore(sqlite, sp.GetRequiredService<TimeProvider>()));
                services.AddSingleton<IPostLedger>(_ => new SqlitePostLedger(sqlite));
            }

            services.AddRizqunaContent(c => c.AddTemplate("price", null, "Halo {{name}}, harga {{text}}: cek katalog ya"));
            services.AddRizqunaLanes(o => o.Campaign = "daily");
            services.Configure<FolderContentOptions>(o => o.Root = Path.Combine(_folder.Path, "content"));
            services.Configure<RuleBasedReplyOptions>(o => o.Rules.Add(new ReplyRule { Name = "price", Keywords = ["harga"], Template = "price" }));
        }, store: sqlite is null ? null : new SqliteSchedulingStore(sqlite));

        await kernel.Plans.GenerateAsync();
        var inbox = kernel.Services.GetRequiredService<IInboxStore>();
        _ = kernel.Services.GetServices<IPublisher>().ToList();
        _ = kernel.Services.GetServices<IInboxPoller>().ToList();
        _ = kernel.Services.GetServices<IInboxResponder>().ToList();

        await kernel.RunUntilAsync(Local(23, 0), async now =>
        {
            if (now == Local(9, 0))
            {
                poller.Add(Item("001", "c1", "berapa harga kopi?"));
                poller.Add(Item("001", "c2", "harga? (my own note)", self: true));
                poller.Add(Item("002", "c3", "halo"));
                poller.Add(Item("003", "o1", "order #1", InboxItemKind.Order));
            }
            else if (now == Local(11, 0))
            {
                // A webhook hands an item to lane A; it is answered on the next tick, once.
                Assert.True(await inbox.AddAsync(Item("002", "dm1", "harga paket?", InboxItemKind.DirectMessage, author: "cust-2")));
                Assert.False(await inbox.AddAsync(Item("002", "dm1", "harga paket?", InboxItemKind.DirectMessage, author: "cust-2")));
            }
        });

        // One post per account, at its staggered minute, each item taken once.
        var calls = publisher.Calls.ToList();
        Assert.Equal(
            new[] { ("001", Local(8, 0)), ("002", Local(8, 2)), ("003", Local(8, 4)) },
            calls.Select(c => (c.Request.Account.Key, c.At)).OrderBy(c => c.At));
        var promo = calls.Single(c => c.Request.Account.Key == "001").Request;
        Assert.Equal("post:facebook/001:001-promo", promo.IdempotencyKey);
        Assert.Equal("Promo Kopi hari ini\n\n#kopi #promo", promo.Post.Text);
        Assert.Equal(new Uri("https://shop.example/p/1?utm_source=facebook&utm_medium=social&utm_campaign=daily&utm_content=001-promo"), promo.Post.Link);
        Assert.Single(promo.Post.Media);
        Assert.Equal("Selamat pagi dari 002", calls.Single(c => c.Request.Account.Key == "002").Request.Post.Text);
        Assert.Equal("Launch day 2026-12-03", calls.Single(c => c.Request.Account.Key == "003").Request.Post.Text);

        // Replies: once per matching item (the polled comment and the webhook DM), none to the own note, the order or "halo".
        Assert.Equal(new[] { "c1", "dm1" }, responder.Replies.Select(r => r.InReplyTo.Id));
        Assert.Equal("Halo Sari, harga berapa harga kopi?: cek katalog ya", responder.Replies[0].Text);
        Assert.Equal(InboxRecordState.NoReply, (await inbox.GetAsync("facebook/003", "o1"))!.State);
        Assert.Equal(InboxRecordState.Replied, (await inbox.GetAsync("facebook/002", "dm1"))!.State);

        // One report at 21:00 whose numbers match what happened.
        var report = Assert.Single(kernel.Reporter.Reports, r => r.Type == "report.daily");
        Assert.Equal(Local(21, 0), report.CreatedAt);
        Assert.Equal("report.daily:2026-12-03", report.Id);
        Assert.Contains("Totals: runs ", report.Body, StringComparison.Ordinal);
        Assert.Contains("posts 3; inbox 5 received, 2 replied, 1 orders", report.Body, StringComparison.Ordinal);
        Assert.Contains("https://facebook.example/facebook-1", report.Body, StringComparison.Ordinal);

        var runs = await kernel.RunsAsync(new RunQuery { From = Midnight, To = Local(21, 0) });
        var data = await kernel.Services.GetRequiredService<DailyReportService>().BuildAsync(new DateOnly(2026, 12, 3), TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));
        Assert.Equal(3, data.Totals.PostCount);
        Assert.Equal(5, data.Totals.InboxReceived);
        Assert.Equal(2, data.Totals.InboxReplied);
        Assert.Equal(1, data.Totals.Orders);
        Assert.Equal(0, data.Totals.RunsFailed);
        Assert.Equal(runs.Count(r => r.Outcome == RunOutcome.Succeeded), data.Totals.RunsSucceeded - 1); // + the report run itself
        Assert.Equal(["facebook/001", "facebook/002", "facebook/003"], data.Accounts.Select(a => a.Account).Where(a => a.StartsWith("facebook/", StringComparison.Ordinal)));
        Assert.Equal(new Uri("https://facebook.example/facebook-1"), data.Accounts.Single(a => a.Account == "facebook/001").Posts.Single().Url);
    }
}
