using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RichardSzalay.MockHttp;
using Rizquna.Connectors.Waha.Api;

namespace Rizquna.Connectors.Waha.Tests;

/// <summary>
/// What the publish path caches must follow what it caches: the normalised chat id follows the post's target, and the
/// cached HTTP client follows a reload of the base address.
/// </summary>
public sealed class HotPathCacheTests
{
    private const string Sent = """{"id":"true_6281234567890@c.us_3EB0AAA","timestamp":1729670400}""";

    [Fact]
    public async Task Each_post_goes_to_its_own_chat_after_the_configured_one()
    {
        using var f = new WahaFixture();
        var chats = new List<string>();
        f.Http.When(HttpMethod.Post, "http://waha.test/api/sendText")
            .With(r => { chats.Add(JsonDocument.Parse(r.Content!.ReadAsStringAsync().Result).RootElement.GetProperty("chatId").GetString()!); return true; })
            .Respond(HttpStatusCode.Created, "application/json", Sent);
        var publisher = f.Get<IEnumerable<IPublisher>>().Single(p => p.Platform == PlatformId.WhatsApp);

        await publisher.PublishAsync(new PublishRequest(WahaFixture.Account, new Post { Text = "a" }, "k1"));
        var toGroup = await publisher.PublishAsync(new PublishRequest(WahaFixture.Account,
            new Post { Text = "b", Metadata = new Dictionary<string, string> { [WahaMetadata.ChatId] = "120363000000000001@g.us" } }, "k2"));
        await publisher.PublishAsync(new PublishRequest(WahaFixture.Account, new Post { Text = "c" }, "k3"));
        await Assert.ThrowsAsync<PlatformException>(() => publisher.PublishAsync(new PublishRequest(WahaFixture.Account,
            new Post { Text = "d", Metadata = new Dictionary<string, string> { [WahaMetadata.ChatId] = "not a chat" } }, "k4")));

        Assert.Equal(["6281234567890@c.us", "120363000000000001@g.us", "6281234567890@c.us"], chats);
        Assert.Equal("120363000000000001@g.us", toGroup.Details["waha.chat_id"]);
    }

    [Fact]
    public async Task A_reloaded_base_address_is_used_on_the_next_send()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rizquna:Waha:BaseAddress"] = "http://waha-a.test",
            ["Rizquna:Waha:PublishChatId"] = "081234567890",
        }).Build();
        var http = new MockHttpMessageHandler();
        http.When(HttpMethod.Post, "http://waha-a.test/api/sendText").Respond(HttpStatusCode.Created, "application/json", Sent.Replace("3EB0AAA", "FROM-A"));
        http.When(HttpMethod.Post, "http://waha-b.test/api/sendText").Respond(HttpStatusCode.Created, "application/json", Sent.Replace("3EB0AAA", "FROM-B"));
        var services = new ServiceCollection();
        services.AddRizqunaWaha(configuration.GetSection("Rizquna:Waha"));
        services.AddHttpClient(WahaClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => http);
        using var provider = services.BuildServiceProvider();
        var publisher = provider.GetServices<IPublisher>().Single(p => p.Platform == PlatformId.WhatsApp);
        var request = new PublishRequest(WahaFixture.Account, new Post { Text = "x" }, "k");

        var before = await publisher.PublishAsync(request);
        configuration["Rizquna:Waha:BaseAddress"] = "http://waha-b.test";
        configuration.Reload();
        var after = await publisher.PublishAsync(request);

        Assert.EndsWith("FROM-A", before.PlatformPostId);
        Assert.EndsWith("FROM-B", after.PlatformPostId);
    }
}
