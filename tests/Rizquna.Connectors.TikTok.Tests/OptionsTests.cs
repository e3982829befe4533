using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rizquna.Connectors.TikTok;

namespace Rizquna.Connectors.TikTok.Tests;

public sealed class OptionsTests
{
    private static IServiceProvider Build(Dictionary<string, string?> values, bool withStore = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        if (withStore)
        {
            services.AddSingleton<ICredentialStore>(new InMemoryCredentialStore());
        }

        services.AddRizqunaTikTok(configuration.GetSection("Rizquna:TikTok"));
        services.AddRizqunaTikTok(configuration.GetSection("Rizquna:TikTok")); // safe to call twice
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Binds_the_base_address_from_configuration()
    {
        var provider = Build(new()
        {
            ["Rizquna:TikTok:BaseAddress"] = "http://127.0.0.1:5099/",
            ["Rizquna:TikTok:ClientKey"] = "key",
            ["Rizquna:TikTok:ClientSecret"] = "secret-value",
        });

        var options = provider.GetRequiredService<IOptions<TikTokOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:5099/"), options.BaseAddress);
        Assert.Equal(10_000_000, options.ChunkSize);
    }

    [Fact]
    public void Invalid_settings_are_reported_by_name()
    {
        var provider = Build(new()
        {
            ["Rizquna:TikTok:BaseAddress"] = "ftp://example",
            ["Rizquna:TikTok:ChunkSize"] = "1000",
            ["Rizquna:TikTok:MegabyteBytes"] = "1000000",
            ["Rizquna:TikTok:DefaultPrivacyLevel"] = "EVERYONE",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TikTokOptions>>().Value);
        var message = string.Join("\n", error.Failures);

        Assert.Contains("Rizquna:TikTok:BaseAddress", message);
        Assert.Contains("Rizquna:TikTok:ClientKey", message);
        Assert.Contains("Rizquna:TikTok:ClientSecret", message);
        Assert.Contains("Rizquna:TikTok:ChunkSize", message);
        Assert.Contains("Rizquna:TikTok:DefaultPrivacyLevel", message);
        // The validator is registered once even though AddRizqunaTikTok was called twice.
        Assert.Single(error.Failures, f => f.Contains("ChunkSize", StringComparison.Ordinal));
    }

    [Fact]
    public void Registers_the_connector_once_and_keyed_by_platform_even_when_called_twice()
    {
        var provider = Build(new()
        {
            ["Rizquna:TikTok:ClientKey"] = "key",
            ["Rizquna:TikTok:ClientSecret"] = "secret-value",
        }, withStore: true);

        var publisher = Assert.Single(provider.GetServices<IPublisher>());
        Assert.Equal(PlatformId.TikTok, publisher.Platform);
        Assert.Same(publisher, provider.GetRequiredKeyedService<IPublisher>("tiktok"));
        Assert.Single(provider.GetServices<IPublishReconciler>());
        Assert.Single(provider.GetServices<ITokenInspector>());
    }

    [Fact]
    public void Without_a_credential_store_the_error_says_what_is_missing()
    {
        var provider = Build(new()
        {
            ["Rizquna:TikTok:ClientKey"] = "key",
            ["Rizquna:TikTok:ClientSecret"] = "secret-value",
        });

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IPublisher>());

        Assert.Contains("ICredentialStore", error.Message);
    }
}
