using Rizquna.Content;

namespace Rizquna.Content.Tests.Utm;

public sealed class UtmBuilderTests
{
    private static readonly UtmMeta Meta = new() { Campaign = "rtp daily", Content = "variant-a", Term = "gates of olympus" };

    [Fact]
    public void Adds_parameters_in_fixed_order_after_existing_ones_and_keeps_the_fragment()
    {
        var url = UtmBuilder.Build("https://rizquna.id/promo?b=2&a=1#top", PlatformId.Instagram, Meta);

        Assert.Equal(
            "https://rizquna.id/promo?b=2&a=1&utm_source=instagram&utm_medium=social&utm_campaign=rtp%20daily&utm_content=variant-a&utm_term=gates%20of%20olympus#top",
            url);
    }

    [Fact]
    public void Without_meta_writes_source_and_medium_only()
    {
        Assert.Equal("https://rizquna.id/?utm_source=x&utm_medium=social", UtmBuilder.Build("https://rizquna.id/", PlatformId.X));
    }

    [Fact]
    public void Keeps_the_original_encoding_of_existing_parameters()
    {
        var url = UtmBuilder.Build("https://rizquna.id/p?q=a%20b&x=%26&flag", PlatformId.Telegram, new UtmMeta { Campaign = "c&d=e" });

        Assert.Equal("https://rizquna.id/p?q=a%20b&x=%26&flag&utm_source=telegram&utm_medium=social&utm_campaign=c%26d%3De", url);
    }

    [Fact]
    public void Encodes_non_ascii_values()
    {
        var url = UtmBuilder.Build("https://rizquna.id", PlatformId.Facebook, new UtmMeta { Campaign = "promo ramadhan 🌙" });

        Assert.EndsWith("utm_campaign=promo%20ramadhan%20%F0%9F%8C%99", url);
    }

    [Fact]
    public void Replace_rule_removes_existing_utm_parameters_the_builder_writes_and_keeps_others()
    {
        var url = UtmBuilder.Build("https://rizquna.id/?utm_source=old&a=1&utm_id=42&UTM_MEDIUM=email#f", PlatformId.X, new UtmMeta { Campaign = "c" });

        Assert.Equal("https://rizquna.id/?a=1&utm_id=42&utm_source=x&utm_medium=social&utm_campaign=c#f", url);
    }

    [Fact]
    public void Replace_rule_keeps_an_existing_utm_parameter_the_builder_has_no_value_for()
    {
        var url = UtmBuilder.Build("https://rizquna.id/?utm_term=kept", PlatformId.X, new UtmMeta { Campaign = "c" });

        Assert.Equal("https://rizquna.id/?utm_term=kept&utm_source=x&utm_medium=social&utm_campaign=c", url);
    }

    [Fact]
    public void Keep_rule_leaves_existing_values_and_adds_only_the_missing_ones()
    {
        var url = UtmBuilder.Build("https://rizquna.id/?utm_source=newsletter&a=1", PlatformId.X,
            new UtmMeta { Campaign = "c", Existing = UtmExistingParameters.Keep });

        Assert.Equal("https://rizquna.id/?utm_source=newsletter&a=1&utm_medium=social&utm_campaign=c", url);
    }

    [Fact]
    public void Empty_query_and_stray_ampersands_do_not_leave_empty_parameters()
    {
        Assert.Equal("https://rizquna.id/a?b=1&utm_source=x&utm_medium=social", UtmBuilder.Build("https://rizquna.id/a?&b=1&&", PlatformId.X));
        Assert.Equal("https://rizquna.id/a?utm_source=x&utm_medium=social#", UtmBuilder.Build("https://rizquna.id/a?#", PlatformId.X));
    }

    [Fact]
    public void Escapes_a_base_url_with_raw_spaces()
    {
        var url = UtmBuilder.Build("https://rizquna.id/game list?q=a b", PlatformId.X);

        Assert.Equal("https://rizquna.id/game%20list?q=a%20b&utm_source=x&utm_medium=social", url);
    }

    [Theory]
    [InlineData("/promo")]
    [InlineData("promo?a=1")]
    [InlineData("ftp://rizquna.id/file")]
    [InlineData("mailto:cs@rizquna.id")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("")]
    [InlineData("   ")]
    public void Rejects_relative_and_non_http_urls_naming_the_parameter(string baseUrl)
    {
        var exception = Assert.Throws<ArgumentException>(() => UtmBuilder.Build(baseUrl, PlatformId.X));

        Assert.Equal("baseUrl", exception.ParamName);
        Assert.Contains("baseUrl", exception.Message);
    }

    [Fact]
    public void Rejection_message_does_not_echo_a_token_in_the_url()
    {
        var exception = Assert.Throws<ArgumentException>(() => UtmBuilder.Build("ftp://h/x?access_token=SECRET123", PlatformId.X));

        Assert.DoesNotContain("SECRET123", exception.Message);
    }

    [Fact]
    public void Encodes_values_exactly_as_uri_escape_data_string()
    {
        var random = new Random(11);
        string[] pieces = ["a", "Z", "9", " ", "-", ".", "_", "~", "&", "=", "?", "#", "/", "%", "+", "é", "日本", "🎰", "👨‍👩‍👧", "\t", "'", "!", "*", "(", ")"];
        for (var round = 0; round < 500; round++)
        {
            var value = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)])).Trim();
            if (value.Length == 0)
            {
                continue;
            }

            var url = UtmBuilder.Build("https://rizquna.id/", PlatformId.X, new UtmMeta { Campaign = value });

            Assert.EndsWith("&utm_campaign=" + Uri.EscapeDataString(value), url);
        }
    }
}
