using Microsoft.Extensions.DependencyInjection;
using Rizquna.Scheduling.Lanes;
using Rizquna.Scheduling.Lanes.Folder;
using Rizquna.Scheduling.Lanes.Publishing;
using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Runs;
using Rizquna.Scheduling.Storage.Sqlite;
using Rizquna.Scheduling.Tests.Support;

namespace Rizquna.Scheduling.Tests.Lanes;

/// <summary>Lane B through the kernel when the process "dies" between the platform accepting a post and the ledger recording it.</summary>
public sealed class PostLaneCrashTests : IDisposable
{
    private static readonly DateTimeOffset Midnight = new(2026, 12, 2, 17, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A ledger whose first "published" write is lost, as when the process dies right after the platform accepted.</summary>
    private sealed class CrashingLedger(IPostLedger inner) : IPostLedger
    {
        public bool Crashed { get; private set; }

        public Task<PostLedgerEntry?> GetAsync(string account, string itemId, CancellationToken cancellationToken = default) => inner.GetAsync(account, itemId, cancellationToken);

        public Task<IReadOnlyList<PostLedgerEntry>> ListAsync(string account, CancellationToken cancellationToken = default) => inner.ListAsync(account, cancellationToken);

        public Task<IReadOnlyList<PostLedgerEntry>> ListChangedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) => inner.ListChangedAsync(from, to, cancellationToken);

        public Task SaveAsync(PostLedgerEntry entry, CancellationToken cancellationToken = default)
        {
            if (entry.State == PostLedgerState.Published && !Crashed)
            {
                Crashed = true;
                throw new IOException("process died before the result was written");
            }

            return inner.SaveAsync(entry, cancellationToken);
        }
    }

    [Theory]
    [InlineData("memory", true)]
    [InlineData("sqlite", true)]
    [InlineData("memory", false)]
    [InlineData("sqlite", false)]
    public async Task A_crash_between_accepted_and_marked_published_causes_no_second_post(string storage, bool withReconciler)
    {
        _folder.File("content/001/001-first.jpg");
        _folder.File("content/001/002-second.jpg");
        RecordingPublisher publisher = null!;
        CrashingLedger ledger = null!;
        var sqlite = storage == "sqlite" ? _folder.SqliteConnectionString("crash.db") : null;
        await using var kernel = new KernelHarness(Midnight, o =>
        {
            o.TimeZone = "Asia/Jakarta";
            o.Providers = [new ProviderSettings { Platform = "facebook", AccountRange = "001" }];
            o.Lanes.ReplyEnabled = false;
            o.Lanes.ReportEnabled = false;
        }, services =>
        {
            services.AddSingleton<IPublisher>(sp => publisher = new RecordingPublisher(PlatformId.Facebook, sp.GetRequiredService<TimeProvider>()));
            if (withReconciler)
            {
                services.AddSingleton<IPublishReconciler>(sp => new RecordingReconciler((RecordingPublisher)sp.GetServices<IPublisher>().First()));
            }

            services.AddSingleton<IPostLedger>(_ => ledger = new CrashingLedger(sqlite is null ? new InMemoryPostLedger() : new SqlitePostLedger(sqlite)));
            services.AddRizqunaLanes();
            services.Configure<FolderContentOptions>(o => o.Root = Path.Combine(_folder.Path, "content"));
        }, store: sqlite is null ? null : new SqliteSchedulingStore(sqlite));

        await kernel.Plans.GenerateAsync();
        await kernel.RunUntilAsync(Midnight.AddHours(23));

        Assert.True(ledger.Crashed);
        var call = Assert.Single(publisher.Calls);
        Assert.Equal("post:facebook/001:001-first.jpg", call.Request.IdempotencyKey);
        var entry = (await ledger.GetAsync("facebook/001", "001-first.jpg"))!;
        var runs = await kernel.RunsAsync(new RunQuery { JobName = "ops_post_001" });
        Assert.Equal(RunOutcome.Failed, runs[0].Outcome);
        if (withReconciler)
        {
            // The retry reconciles, finds the post and records it: the second item is not taken the same day.
            Assert.Equal(PostLedgerState.Published, entry.State);
            Assert.Equal("found-post:facebook/001:001-first.jpg", entry.PlatformPostId);
            Assert.Equal(RunOutcome.Succeeded, runs[1].Outcome);
            Assert.Equal(Midnight.AddHours(8).AddMinutes(1), runs[1].StartedAt);
        }
        else
        {
            // Nothing can tell whether it posted: at most once, so it is never sent again and the operator is told.
            Assert.Equal(PostLedgerState.Unknown, entry.State);
            Assert.Equal(RunOutcome.Failed, runs[^1].Outcome);
            Assert.Contains("no reconciler", runs[^1].Message, StringComparison.Ordinal);
        }

        Assert.Null(await ledger.GetAsync("facebook/001", "002-second.jpg"));
    }
}
