using Rizquna.Content;

namespace Rizquna.Content.Tests.Composition;

public sealed class CaptionComposerTests
{
    private static readonly CaptionData Data = CaptionData.FromJson(
        """{"game":"Gates of Olympus","rtp":"96.5","window":"13:00-15:00","pattern":"x10 x20","jam":"13:00","link":"https://rizquna.id/olympus?ref=tg"}""");

    private static ContentOptions Options() => new ContentOptions()
        .AddTemplate("daily", null, "🎰 {{game}} RTP {{rtp}}% jam {{jam}} pola {{pattern}} 👉 {{link}} #slot #rtp")
        .AddTemplate("daily", PlatformId.X, "{{game}} {{rtp}}% {{window}} {{link}} " + string.Join(' ', Enumerable.Repeat("kata", 80)));

    [Fact]
    public async Task Tags_shortens_and_inserts_the_link()
    {
        var shortener = new RecordingShortener(_ => "https://bit.ly/3abc");
        var composer = new CaptionComposer(new CaptionTemplater(Options()), shortener);

        var caption = await composer.ComposeAsync(new CaptionRequest
        {
            Template = "daily",
            Platform = PlatformId.Telegram,
            Data = Data,
            Utm = new UtmMeta { Campaign = "rtp-daily", Content = "acc001" },
        });

        Assert.Equal("https://rizquna.id/olympus?ref=tg&utm_source=telegram&utm_medium=social&utm_campaign=rtp-daily&utm_content=acc001", caption.TaggedLink);
        Assert.Equal([caption.TaggedLink!], shortener.Calls);
        Assert.Equal("https://bit.ly/3abc", caption.Link);
        Assert.Equal("🎰 Gates of Olympus RTP 96.5% jam 13:00 pola x10 x20 👉 https://bit.ly/3abc #slot #rtp", caption.Text);
        Assert.False(caption.Fit.Changed);
        Assert.True(caption.Rendered.UsedDefault);
        Assert.Null(caption.ShortenerError);
    }

    [Fact]
    public async Task Enforces_the_platform_limit_without_cutting_the_link()
    {
        var composer = new CaptionComposer(new CaptionTemplater(Options()));

        var caption = await composer.ComposeAsync(new CaptionRequest { Template = "daily", Platform = PlatformId.X, Data = Data, Shorten = false });

        Assert.True(caption.Fit.Truncated);
        Assert.True(TextCounter.Count(caption.Text, TextCountingRule.XWeighted) <= 280);
        Assert.Contains(caption.Link!, caption.Text);
        Assert.EndsWith("kata…", caption.Text);
    }

    [Fact]
    public async Task Explicit_link_wins_and_utm_can_be_off()
    {
        var composer = new CaptionComposer(new CaptionTemplater(Options()));

        var caption = await composer.ComposeAsync(new CaptionRequest
        {
            Template = "daily", Platform = PlatformId.Facebook, Data = Data, Link = "https://shop.rizquna.id/a", AddUtm = false,
        });

        Assert.Equal("https://shop.rizquna.id/a", caption.Link);
        Assert.Contains("👉 https://shop.rizquna.id/a #slot", caption.Text);
    }

    [Fact]
    public async Task Shortener_failure_falls_back_to_the_tagged_link_and_is_reported()
    {
        var failure = new PlatformException(BitlyUrlShortener.Platform, PlatformErrorKind.RateLimited, "bitly: quota");
        var composer = new CaptionComposer(new CaptionTemplater(Options()), new RecordingShortener(_ => throw failure));

        var caption = await composer.ComposeAsync(new CaptionRequest { Template = "daily", Platform = PlatformId.Telegram, Data = Data });

        Assert.Same(failure, caption.ShortenerError);
        Assert.Equal(caption.TaggedLink, caption.Link);
        Assert.Contains(caption.TaggedLink!, caption.Text);
    }

    [Fact]
    public async Task Shortener_failure_propagates_when_configured()
    {
        var options = Options();
        options.ThrowOnShortenerError = true;
        var failure = new PlatformException(BitlyUrlShortener.Platform, PlatformErrorKind.Forbidden, "bitly: forbidden");
        var composer = new CaptionComposer(new CaptionTemplater(options), new RecordingShortener(_ => throw failure), options);

        var thrown = await Assert.ThrowsAsync<PlatformException>(() => composer.ComposeAsync(new CaptionRequest { Template = "daily", Platform = PlatformId.Telegram, Data = Data }));

        Assert.Same(failure, thrown);
    }

    [Fact]
    public async Task Without_a_link_renders_an_empty_link_and_calls_no_shortener()
    {
        var shortener = new RecordingShortener(_ => "never");
        var composer = new CaptionComposer(new CaptionTemplater(Options()), shortener);
        var data = CaptionData.From(new Dictionary<string, string?> { ["game"] = "Mahjong", ["rtp"] = "97", ["jam"] = "20:00", ["pattern"] = "x5" });

        var caption = await composer.ComposeAsync(new CaptionRequest { Template = "daily", Platform = PlatformId.Instagram, Data = data, HasMedia = true });

        Assert.Null(caption.Link);
        Assert.Empty(shortener.Calls);
        Assert.Contains("👉  #slot", caption.Text);
    }

    [Fact]
    public async Task A_bad_link_is_rejected_naming_it()
    {
        var composer = new CaptionComposer(new CaptionTemplater(Options()));

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => composer.ComposeAsync(
            new CaptionRequest { Template = "daily", Platform = PlatformId.X, Data = Data, Link = "/relative" }));

        Assert.Equal("baseUrl", exception.ParamName);
    }

    [Fact]
    public async Task Explicit_limits_override_the_known_ones_and_unknown_platforms_are_not_cut()
    {
        var composer = new CaptionComposer(new CaptionTemplater(Options()));
        var tight = new PlatformLimits { MaxTextLength = 30, MaxTextLengthWithMedia = 30, MaxHashtags = 1 };

        var cut = await composer.ComposeAsync(new CaptionRequest { Template = "daily", Platform = PlatformId.Shopee, Data = Data, Limits = tight, Shorten = false });
        var whole = await composer.ComposeAsync(new CaptionRequest { Template = "daily", Platform = PlatformId.Shopee, Data = Data, Shorten = false });

        Assert.True(cut.Text.Length <= 30);
        Assert.Equal(["#rtp"], cut.Fit.DroppedHashtags);
        Assert.False(whole.Fit.Changed);
    }

    private sealed class RecordingShortener(Func<string, string> shorten) : IUrlShortener
    {
        public List<string> Calls { get; } = [];

        public ValueTask<string> ShortenAsync(string longUrl, CancellationToken cancellationToken = default)
        {
            Calls.Add(longUrl);
            return ValueTask.FromResult(shorten(longUrl));
        }
    }
}
