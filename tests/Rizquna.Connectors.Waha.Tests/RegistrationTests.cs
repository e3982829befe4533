using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Rizquna.Connectors.Waha.Tests;

public sealed class RegistrationTests
{
    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Rizquna:Waha");

    [Fact]
    public void The_section_binds_and_registering_twice_adds_each_service_once()
    {
        var services = new ServiceCollection();
        var section = Section(new()
        {
            ["Rizquna:Waha:BaseAddress"] = "http://waha:3000",
            ["Rizquna:Waha:ApiKey"] = "k-123456789",
            ["Rizquna:Waha:Session"] = "shop",
            ["Rizquna:Waha:AdminChatId"] = "0812 3456 7890",
            ["Rizquna:Waha:Resilience:MaxRetryAttempts"] = "1",
        });
        services.AddRizqunaWaha(section);
        services.AddRizqunaWaha(section);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<WahaOptions>>().Value;
        Assert.Equal(new Uri("http://waha:3000"), options.BaseAddress);
        Assert.Equal("shop", options.Session);
        Assert.Equal(1, options.Resilience.MaxRetryAttempts);
        Assert.Single(provider.GetServices<IPublisher>());
        Assert.Single(provider.GetServices<IInboxPoller>());
        Assert.Single(provider.GetServices<IInboxResponder>());
        Assert.Single(provider.GetServices<IReporter>());
        Assert.Single(provider.GetServices<ITokenInspector>());
        Assert.NotNull(provider.GetRequiredService<WahaWebhookHandler>());
    }

    [Theory]
    [InlineData(null, null, "Rizquna:Waha:BaseAddress is required")]
    [InlineData("waha:3000", null, "Rizquna:Waha:BaseAddress must be an absolute http or https URL")]
    [InlineData("http://waha:3000", "12345", "Rizquna:Waha:AdminChatId")]
    public void Invalid_settings_fail_with_a_message_naming_the_setting(string? baseAddress, string? admin, string expected)
    {
        var services = new ServiceCollection();
        services.AddRizqunaWaha(Section(new() { ["Rizquna:Waha:BaseAddress"] = baseAddress, ["Rizquna:Waha:AdminChatId"] = admin }));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WahaOptions>>().Value);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_numbers_name_the_setting()
    {
        var services = new ServiceCollection();
        services.AddRizqunaWaha(o => { o.BaseAddress = new Uri("http://waha"); o.ReportChunkLength = 5; o.Resilience.MaxRetryAttempts = 99; o.Session = ""; });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WahaOptions>>().Value);

        Assert.Contains("Rizquna:Waha:ReportChunkLength", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Rizquna:Waha:Resilience:MaxRetryAttempts", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Rizquna:Waha:Session is required", ex.Message, StringComparison.Ordinal);
    }
}
