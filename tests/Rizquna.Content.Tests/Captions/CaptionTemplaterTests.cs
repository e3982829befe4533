using Rizquna.Content;

namespace Rizquna.Content.Tests.Captions;

public sealed class CaptionTemplaterTests
{
    private static CaptionTemplater Create() => new(new ContentOptions()
        .AddTemplate("daily", null, "{{game}} RTP {{rtp}}% jam {{jam}} {{link}}", "B: {{game}} {{window}}", "C: {{pattern}}")
        .AddTemplate("daily", PlatformId.X, "X {{game}} {{rtp}}%"));

    private static readonly CaptionData Data = CaptionData.FromJson(
        """{"game":"Gates & Olympus","rtp":96.50,"window":"13:00-15:00","pattern":"x10 x20","jam":"13:00","link":"https://rizquna.id"}""");

    [Fact]
    public void Renders_the_platform_template_when_there_is_one()
    {
        var rendered = Create().Render("daily", PlatformId.X, Data);

        Assert.Equal("X Gates & Olympus 96.50%", rendered.Text);
        Assert.False(rendered.UsedDefault);
        Assert.Equal(1, rendered.VariantCount);
    }

    [Fact]
    public void Falls_back_to_the_default_without_html_escaping()
    {
        var rendered = Create().Render("daily", PlatformId.Instagram, Data);

        Assert.Equal("Gates & Olympus RTP 96.50% jam 13:00 https://rizquna.id", rendered.Text);
        Assert.True(rendered.UsedDefault);
        Assert.Equal(3, rendered.VariantCount);
    }

    [Fact]
    public void Data_from_a_dictionary_matches_names_case_insensitively()
    {
        var data = CaptionData.From(new Dictionary<string, object?> { ["Game"] = "Mahjong Ways", ["RTP"] = 97.1m, ["window"] = "20-22" });

        var rendered = Create().Render("daily", PlatformId.Facebook, data, VariantChoice.Fixed(1));

        Assert.Equal("B: Mahjong Ways 20-22", rendered.Text);
    }

    [Fact]
    public void Explicit_variant_out_of_range_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Create().Render("daily", PlatformId.Facebook, Data, VariantChoice.Fixed(3)));
    }

    [Fact]
    public void Variant_by_key_is_fnv1a_of_the_utf8_key()
    {
        // FNV-1a 32 of "a" is 0xE40C292C (published test vector); mod 3 = 2.
        Assert.Equal(0xE40C292Cu, StableHash.Fnv1a32("a"));
        Assert.Equal(0x811C9DC5u, StableHash.Fnv1a32(""));
        Assert.Equal(0xE40C292Cu % 3, (uint)VariantChoice.ByKey("a").Resolve(3));
    }

    [Fact]
    public void Variant_by_key_is_stable_and_spreads_over_variants()
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < 30; i++)
        {
            var key = $"acc{i:000}|2026-12-03";
            var first = VariantChoice.ByKey(key).Resolve(3);
            Assert.Equal(first, VariantChoice.ByKey(key).Resolve(3));
            seen.Add(first);
        }

        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public void Unknown_template_names_the_setting()
    {
        var exception = Assert.Throws<ArgumentException>(() => Create().Render("weekly", PlatformId.X, Data));

        Assert.Contains("Templates:weekly", exception.Message);
    }

    [Fact]
    public void Template_without_default_and_without_the_platform_is_rejected()
    {
        var templater = new CaptionTemplater(new ContentOptions().AddTemplate("xonly", PlatformId.X, "{{game}}"));

        Assert.Throws<ArgumentException>(() => templater.Render("xonly", PlatformId.Instagram, Data));
        Assert.Equal(0, templater.VariantCount("xonly", PlatformId.Instagram));
        Assert.Equal(1, templater.VariantCount("xonly", PlatformId.X));
    }

    [Fact]
    public void Invalid_template_fails_at_construction_naming_it()
    {
        var exception = Assert.Throws<ArgumentException>(() => new CaptionTemplater(new ContentOptions().AddTemplate("bad", PlatformId.X, "{{#if game}}open")));

        Assert.Contains("Templates:bad:Platforms:x:0", exception.Message);
    }

    [Fact]
    public void Json_must_be_an_object()
    {
        Assert.Throws<ArgumentException>(() => CaptionData.FromJson("[1,2]"));
        Assert.Throws<ArgumentException>(() => CaptionData.FromJson("{not json"));
    }

    [Fact]
    public void Nested_json_supports_each_blocks()
    {
        var templater = new CaptionTemplater(new ContentOptions().AddTemplate("list", null, "{{#each games}}{{name}} {{rtp}}%;{{/each}}"));
        var data = CaptionData.FromJson("""{"games":[{"name":"A","rtp":95},{"name":"B","rtp":97.5}]}""");

        Assert.Equal("A 95%;B 97.5%;", templater.Render("list", PlatformId.X, data).Text);
    }
}
