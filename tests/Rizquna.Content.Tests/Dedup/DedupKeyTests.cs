using Rizquna.Content;

namespace Rizquna.Content.Tests.Dedup;

public sealed class DedupKeyTests
{
    [Fact]
    public void Normalises_case_whitespace_and_compatibility_forms()
    {
        var a = CaptionData.From(new Dictionary<string, string?> { ["game"] = "  Gates   of\tOlympus ", ["window"] = "13:00-15:00" });
        var b = CaptionData.From(new Dictionary<string, string?> { ["Game"] = "GATES OF OLYMPUS", ["window"] = "１３:００-１５:００" });

        Assert.Equal("game=gates of olympus|window=13:00-15:00", DedupKey.For(a, "game", "window"));
        Assert.Equal(DedupKey.For(a, "game", "window"), DedupKey.For(b, "game", "window"));
    }

    [Fact]
    public void Different_values_give_different_keys_even_with_separators_in_them()
    {
        var a = CaptionData.From(new Dictionary<string, string?> { ["game"] = "a|window=b", ["window"] = "" });
        var b = CaptionData.From(new Dictionary<string, string?> { ["game"] = "a", ["window"] = "b" });

        Assert.NotEqual(DedupKey.For(a, "game", "window"), DedupKey.For(b, "game", "window"));
    }

    [Fact]
    public void Only_the_named_fields_count_and_a_missing_one_is_empty()
    {
        var a = CaptionData.From(new Dictionary<string, object?> { ["game"] = "Mahjong", ["rtp"] = 96.5m });
        var b = CaptionData.From(new Dictionary<string, object?> { ["game"] = "mahjong", ["rtp"] = 91m });

        Assert.Equal(DedupKey.For(a, "game", "window"), DedupKey.For(b, "game", "window"));
        Assert.Equal("game=mahjong|window=", DedupKey.For(a, "game", "window"));
        Assert.NotEqual(DedupKey.For(a, "game", "rtp"), DedupKey.For(b, "game", "rtp"));
    }

    [Fact]
    public void Uses_invariant_lower_case()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
        try
        {
            Assert.Equal("title", DedupKey.Normalize("TITLE"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Requires_at_least_one_field()
    {
        Assert.Throws<ArgumentException>(() => DedupKey.For(CaptionData.Empty));
    }
}
