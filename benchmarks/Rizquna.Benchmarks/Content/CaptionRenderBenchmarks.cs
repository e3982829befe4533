using BenchmarkDotNet.Attributes;
using Rizquna.Content;

namespace Rizquna.Benchmarks.Content;

/// <summary>
/// Caption render with a compiled template (about 300 characters out) plus limit enforcement: target ≤ 3 µs and
/// ≤ 2 KB allocated. <see cref="RenderOnly"/> is the baseline measured in the same run.
/// </summary>
[Config(typeof(ContentBenchmarkConfig))]
public class CaptionRenderBenchmarks
{
    private const string Template =
        "🎰 {{game}} lagi gacor hari ini! RTP live {{rtp}}% di jam {{jam}} (window {{window}}). Pola main: {{pattern}}. " +
        "Cek bocoran lengkap dan jadwal jam hoki lainnya di link berikut ya 👉 {{link}} " +
        "#slot #rtp #gacor #maxwin #jackpot #bocoran #polagacor";

    private static readonly PlatformLimits XTight = KnownPlatformLimits.X with { MaxTextLength = 200, MaxTextLengthWithMedia = 200 };

    private CaptionTemplater _templater = null!;
    private CaptionData _data = null!;

    [GlobalSetup]
    public void Setup()
    {
        _templater = new CaptionTemplater(new ContentOptions().AddTemplate("daily", null, Template));
        _data = CaptionData.FromJson(
            """{"game":"Gates of Olympus","rtp":"96.50","window":"13:00-15:00","pattern":"x10 manual, x20 turbo","jam":"13:00","link":"https://rizquna.id/olympus?utm_source=x&utm_medium=social"}""");
        var length = _templater.Render("daily", PlatformId.Instagram, _data).Text.Length;
        if (length is < 280 or > 340)
        {
            throw new InvalidOperationException($"The benchmark caption should be about 300 characters, not {length}.");
        }
    }

    /// <summary>Baseline: the compiled template alone.</summary>
    [Benchmark(Baseline = true)]
    public string RenderOnly() => _templater.Render("daily", PlatformId.Instagram, _data).Text;

    /// <summary>Instagram: fits (UTF-16, 2,200), hashtag cap checked.</summary>
    [Benchmark]
    public FittedText RenderAndFitInstagram() =>
        TextLimiter.Fit(_templater.Render("daily", PlatformId.Instagram, _data).Text, KnownPlatformLimits.Instagram);

    /// <summary>X: weighted count with a URL (counts 23); fits in 280.</summary>
    [Benchmark]
    public FittedText RenderAndFitX() =>
        TextLimiter.Fit(_templater.Render("daily", PlatformId.X, _data).Text, KnownPlatformLimits.X);

    /// <summary>X weighted with a 200 limit: the worst case, counted, then cut at a word boundary with an ellipsis.</summary>
    [Benchmark]
    public FittedText RenderAndFitXTruncated() =>
        TextLimiter.Fit(_templater.Render("daily", PlatformId.X, _data).Text, XTight);

    /// <summary>Telegram caption (1,024 with media): UTF-16 count only.</summary>
    [Benchmark]
    public FittedText RenderAndFitTelegram() =>
        TextLimiter.Fit(_templater.Render("daily", PlatformId.Telegram, _data).Text, KnownPlatformLimits.Telegram, hasMedia: true);
}
