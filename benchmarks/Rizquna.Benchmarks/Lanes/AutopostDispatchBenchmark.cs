using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Rizquna.Content;
using Rizquna.Scheduling.Autopost;
using Rizquna.Scheduling.Autopost.Storage;
using Rizquna.Scheduling.Autopost.Worker;

namespace Rizquna.Benchmarks.Lanes;

/// <summary>
/// Autopost claim + dispatch on a SQLite file (WAL, synchronous FULL) with a no-op publisher: each invocation drains
/// <see cref="Items"/> due items (one channel each) in batches of 20, caption + UTM per channel. <c>Drain</c> records a
/// batch's results and claims the next batch in one transaction; <c>ClaimAndDispatch</c> (RunOnceAsync in a loop) uses
/// two per batch. Reported time is per item.
/// </summary>
[Config(typeof(LanesBenchmarkConfig))]
public class AutopostDispatchBenchmark
{
    public const int Items = 2_000;

    private string _folder = null!;
    private IAutopostStore _store = null!;

    /// <summary><c>sqlite</c> (synchronous FULL: on disk at commit), <c>sqlite-normal</c> (WAL NORMAL: survives a process crash), <c>memory</c> (no storage cost: the baseline).</summary>
    [Params("sqlite", "sqlite-normal", "memory")]
    public string Store { get; set; } = "sqlite";
    private AutopostWorker _worker = null!;
    private AutopostQueue _queue = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "rz-bench-autopost-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(_folder);
        var connection = $"Data Source={Path.Combine(_folder, "autopost.db")}";
        _store = Store switch
        {
            "sqlite" => new SqliteAutopostStore(connection),
            "sqlite-normal" => new SqliteAutopostStore(connection, AutopostSqliteSynchronous.Normal),
            _ => new InMemoryAutopostStore(),
        };
        var options = new FixedOptions<AutopostOptions>(new AutopostOptions
        {
            Channels = new(StringComparer.OrdinalIgnoreCase) { ["telegram/001"] = "-100123" },
            DefaultChannels = ["telegram/001"],
            Campaign = "bench",
        });
        var composer = new CaptionComposer(new CaptionTemplater(new ContentOptions()));
        _worker = new AutopostWorker(_store, options, [new NoOpPublisher()], [], composer, TimeProvider.System);
        _queue = new AutopostQueue(_store, options, TimeProvider.System);
    }

    [IterationSetup]
    public void Fill()
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(-1);
        for (var i = 0; i < Items; i++)
        {
            _queue.EnqueueAsync(new AutopostEnqueueRequest
            {
                Title = $"Item {i}",
                Summary = "A summary long enough to look like a real one.",
                Link = "https://example.com/article?id=" + i,
                PublishAt = at,
            }).GetAwaiter().GetResult();
        }
    }

    /// <summary>The shipped path (<see cref="AutopostWorker.DrainAsync"/>): batch N's results and batch N+1's claim in one transaction.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public async Task<int> Drain() => (await _worker.DrainAsync()).Posted;

    /// <summary>The earlier path, as a baseline in the same run: one transaction to claim and one to record, per batch.</summary>
    [Benchmark(OperationsPerInvoke = Items, Baseline = true)]
    public async Task<int> ClaimAndDispatch()
    {
        var posted = 0;
        while (true)
        {
            var batch = await _worker.RunOnceAsync();
            if (batch.Claimed == 0)
            {
                return posted;
            }

            posted += batch.Posted;
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        (_store as IDisposable)?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class NoOpPublisher : IPublisher
    {
        private static readonly Uri Link = new("https://t.me/c/123/1");

        public PlatformId Platform => PlatformId.Telegram;

        public PlatformLimits Limits => KnownPlatformLimits.Telegram;

        public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(new PublishResult("1", Link, DateTimeOffset.UtcNow));
    }
}
