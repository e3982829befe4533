using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rizquna.Connectors.Meta;

namespace Rizquna.Connectors.Meta.Tests;

public sealed class OptionsTests
{
    private static IServiceProvider Build(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ICredentialProvider>(new InMemoryCredentialStore());
        services.AddRizqunaMeta(config.GetSection("Rizquna:Meta"));
        services.AddRizqunaMeta(config.GetSection("Rizquna:Meta")); // twice is safe
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_base_address_and_usage_threshold_bind_from_configuration()
    {
        var provider = Build(new() { ["Rizquna:Meta:BaseAddress"] = "http://127.0.0.1:5050/v99.0", ["Rizquna:Meta:UsageThresholdPercent"] = "80" });

        var options = provider.GetRequiredService<IOptions<MetaOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:5050/v99.0"), options.BaseAddress);
        Assert.Equal(80, options.UsageThresholdPercent);
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(Graph.GraphClient.HttpClientName);
        Assert.Equal(new Uri("http://127.0.0.1:5050/v99.0/"), client.BaseAddress);
    }

    [Fact]
    public void The_default_base_address_is_a_current_graph_version()
    {
        Assert.Equal("https://graph.facebook.com/v25.0/", new MetaOptions().BaseAddress.ToString());
    }

    [Theory]
    [InlineData("Rizquna:Meta:BaseAddress", "ftp://graph.test/", "Rizquna:Meta:BaseAddress")]
    [InlineData("Rizquna:Meta:AppSecret", "only-a-secret", "Rizquna:Meta:AppId")]
    [InlineData("Rizquna:Meta:UsageThresholdPercent", "0", "UsageThresholdPercent")]
    [InlineData("Rizquna:Meta:Resilience:MaxRetryAttempts", "99", "MaxRetryAttempts")]
    public void Invalid_settings_fail_with_a_message_naming_the_setting(string key, string value, string named)
    {
        var provider = Build(new() { [key] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MetaOptions>>().Value);

        Assert.Contains(named, ex.Message);
    }
}
