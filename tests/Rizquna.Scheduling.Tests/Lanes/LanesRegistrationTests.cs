using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Rizquna.Scheduling.Autopost;
using Rizquna.Scheduling.Autopost.Worker;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Lanes;
using Rizquna.Scheduling.Lanes.Inbox;
using Rizquna.Scheduling.Lanes.Reply;
using Rizquna.Scheduling.Storage;

namespace Rizquna.Scheduling.Tests.Lanes;

public sealed class LanesRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRizqunaScheduling(o => o.Storage.Provider = StorageProvider.InMemory);
        services.AddRizqunaLanes(configuration.GetSection("Rizquna:Lanes"));
        services.AddRizqunaLanes(configuration.GetSection("Rizquna:Lanes"));
        services.AddRizqunaAutopost(configuration.GetSection("Rizquna:Autopost"));
        services.AddRizqunaAutopost(configuration.GetSection("Rizquna:Autopost"));
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Registers_the_three_lanes_the_stores_and_the_queue_once_from_configuration()
    {
        using var provider = Build(new()
        {
            ["Rizquna:Lanes:Campaign"] = "pagi",
            ["Rizquna:Lanes:Reply:Rules:0:Name"] = "price",
            ["Rizquna:Lanes:Reply:Rules:0:Keywords:0"] = "harga",
            ["Rizquna:Lanes:Reply:Rules:0:Template"] = "price",
            ["Rizquna:Lanes:Reply:QuietHoursStart"] = "22:00",
            ["Rizquna:Lanes:Reply:QuietHoursEnd"] = "07:00",
            ["Rizquna:Autopost:Channels:facebook/001"] = "123",
            ["Rizquna:Autopost:DefaultChannels:0"] = "facebook/001",
        });

        Assert.Equal([LaneKind.Reply, LaneKind.Post, LaneKind.Report], provider.GetServices<ILaneHandler>().Select(h => h.Lane));
        Assert.IsType<InMemoryInboxStore>(provider.GetRequiredService<IInboxStore>());
        Assert.IsType<AutopostQueue>(provider.GetRequiredService<IAutopostQueue>());
        Assert.Single(provider.GetServices<IHostedService>(), s => s is AutopostWorkerService);
        Assert.Equal("pagi", provider.GetRequiredService<IOptions<LanesOptions>>().Value.Campaign);
        var reply = provider.GetRequiredService<IOptions<RuleBasedReplyOptions>>().Value;
        Assert.Equal(new TimeOnly(22, 0), reply.QuietHoursStart);
        Assert.Single(reply.Rules);
        Assert.Equal("123", provider.GetRequiredService<IOptions<AutopostOptions>>().Value.Channels["facebook/001"]);
    }

    [Fact]
    public void Bad_settings_fail_at_start_naming_the_setting()
    {
        using var provider = Build(new()
        {
            ["Rizquna:Lanes:Reply:Rules:0:Pattern"] = "(unclosed",
            ["Rizquna:Autopost:DefaultChannels:0"] = "facebook/009",
            ["Rizquna:Autopost:IdempotencyKeyRetention"] = "00:10:00",
        });

        var reply = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RuleBasedReplyOptions>>().Value);
        Assert.Contains("Rizquna:Lanes:Reply:Rules:0:Template is required", reply.Message, StringComparison.Ordinal);
        Assert.Contains("Rizquna:Lanes:Reply:Rules:0:Pattern is not a valid regular expression", reply.Message, StringComparison.Ordinal);
        var autopost = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AutopostOptions>>().Value);
        Assert.Contains("Rizquna:Autopost:DefaultChannels:0 ('facebook/009')", autopost.Message, StringComparison.Ordinal);
        Assert.Contains("IdempotencyKeyRetention", autopost.Message, StringComparison.Ordinal);
    }
}
