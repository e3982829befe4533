using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RichardSzalay.MockHttp;
using Rizquna.Content;

namespace Rizquna.Content.Tests.Composition;

public sealed class ServiceRegistrationTests
{
    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(ContentOptions.SectionName);

    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Rizquna:Content:Templates:daily:Default:0"] = "{{game}} RTP {{rtp}}% {{link}}",
        ["Rizquna:Content:Templates:daily:Default:1"] = "B {{game}} {{link}}",
        ["Rizquna:Content:Templates:daily:Platforms:x:0"] = "X {{game}} {{link}}",
    };

    [Fact]
    public async Task Binds_templates_from_configuration_and_composes()
    {
        var services = new ServiceCollection();
        services.AddRizqunaContent(Section(Valid));
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var composer = provider.GetRequiredService<ICaptionComposer>();
        var data = CaptionData.From(new Dictionary<string, string?> { ["game"] = "Olympus", ["rtp"] = "96", ["link"] = "https://rizquna.id" });
        var x = await composer.ComposeAsync(new CaptionRequest { Template = "daily", Platform = PlatformId.X, Data = data });
        var ig = await composer.ComposeAsync(new CaptionRequest { Template = "daily", Platform = PlatformId.Instagram, Data = data, Variant = VariantChoice.Fixed(1) });

        // No Bitly token: the tagged link is used as is.
        Assert.Equal("X Olympus https://rizquna.id?utm_source=x&utm_medium=social", x.Text);
        Assert.Equal("B Olympus https://rizquna.id?utm_source=instagram&utm_medium=social", ig.Text);
    }

    [Fact]
    public void Calling_twice_registers_once_and_does_not_duplicate_variants()
    {
        var services = new ServiceCollection();
        var section = Section(Valid);
        services.AddRizqunaContent(section);
        services.AddRizqunaContent(section);
        services.AddRizqunaContent();

        Assert.Single(services, d => d.ServiceType == typeof(ICaptionTemplater));
        Assert.Single(services, d => d.ServiceType == typeof(ICaptionComposer));
        Assert.Single(services, d => d.ServiceType == typeof(IUrlShortener));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<ContentOptions>));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(2, provider.GetRequiredService<ICaptionTemplater>().VariantCount("daily", PlatformId.Facebook));
    }

    [Fact]
    public void Invalid_settings_fail_on_start_naming_each_setting()
    {
        var services = new ServiceCollection();
        services.AddRizqunaContent(Section(new Dictionary<string, string?>
        {
            ["Rizquna:Content:Templates:daily:Default:0"] = "{{#if game}}never closed",
            ["Rizquna:Content:Templates:daily:Platforms:not a platform:0"] = "{{game}}",
            ["Rizquna:Content:Templates:empty:Default"] = "",
            ["Rizquna:Content:Bitly:BaseAddress"] = "/relative",
            ["Rizquna:Content:Bitly:Resilience:MaxRetryAttempts"] = "99",
        }));
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var message = string.Join('\n', exception.Failures);
        Assert.Contains("Rizquna:Content:Templates:daily:Default:0 is not a valid Handlebars template", message);
        Assert.Contains("Rizquna:Content:Templates:daily:Platforms:not a platform is not a platform id", message);
        Assert.Contains("Rizquna:Content:Templates:empty has no variants", message);
        Assert.Contains("Rizquna:Content:Bitly:BaseAddress", message);
        Assert.Contains("Rizquna:Content:Bitly:Resilience:MaxRetryAttempts", message);
    }

    [Fact]
    public async Task Bitly_client_is_used_when_a_token_is_configured()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Post, "https://api-ssl.bitly.com/v4/shorten")
            .Respond(System.Net.HttpStatusCode.Created, "application/json", """{"link":"https://bit.ly/abc"}""");
        var services = new ServiceCollection();
        services.AddRizqunaContent(o =>
        {
            o.AddTemplate("daily", null, "{{game}} {{link}}");
            o.Bitly.AccessToken = "token-for-tests-123456";
        });
        services.AddHttpClient(BitlyUrlShortener.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        var caption = await provider.GetRequiredService<ICaptionComposer>().ComposeAsync(new CaptionRequest
        {
            Template = "daily",
            Platform = PlatformId.Telegram,
            Data = CaptionData.From(new Dictionary<string, string?> { ["game"] = "Olympus", ["link"] = "https://rizquna.id/" }),
        });

        Assert.Equal("Olympus https://bit.ly/abc", caption.Text);
        mock.VerifyNoOutstandingExpectation();
    }
}
