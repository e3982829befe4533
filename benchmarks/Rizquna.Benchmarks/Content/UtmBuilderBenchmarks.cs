using BenchmarkDotNet.Attributes;
using Rizquna.Content;

namespace Rizquna.Benchmarks.Content;

/// <summary>UTM build: target ≤ 500 ns.</summary>
[Config(typeof(ContentBenchmarkConfig))]
public class UtmBuilderBenchmarks
{
    private static readonly UtmMeta Meta = new() { Campaign = "rtp daily", Content = "acc001-b", Term = "gates of olympus" };

    /// <summary>Reference from the BCL in the same run: parsing the same link with <see cref="Uri"/>.</summary>
    [Benchmark(Baseline = true)]
    public bool BclUriParse() => Uri.TryCreate("https://rizquna.id/games/olympus?ref=tg&lang=id#rtp", UriKind.Absolute, out _);

    /// <summary>A link with two parameters and a fragment, all five UTM values (two needing encoding).</summary>
    [Benchmark]
    public string UtmBuild() => UtmBuilder.Build("https://rizquna.id/games/olympus?ref=tg&lang=id#rtp", PlatformId.Instagram, Meta);

    /// <summary>A link that already carries utm_source (replaced).</summary>
    [Benchmark]
    public string UtmBuildReplacingExisting() => UtmBuilder.Build("https://rizquna.id/?utm_source=old&a=1", PlatformId.X, Meta);
}
