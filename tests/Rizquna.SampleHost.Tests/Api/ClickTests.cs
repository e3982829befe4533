using System.Net;
using Rizquna.SampleHost.Clicks;
using Rizquna.SampleHost.Tests.Infrastructure;

namespace Rizquna.SampleHost.Tests.Api;

public sealed class ClickTests
{
    [Fact]
    public async Task Go_redirects_and_counts_each_click_with_a_user_agent_hash()
    {
        await using var host = await RunningHost.StartAsync();
        var links = host.Services.GetRequiredService<LinkStore>();
        var id = await links.CreateAsync(new Uri("https://example.com/article?utm_source=telegram"), "42", "telegram", "001");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/go/" + id);
        request.Headers.UserAgent.ParseAdd("TestBrowser/1.0");
        var response = await host.Anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://example.com/article?utm_source=telegram", response.Headers.Location?.AbsoluteUri);
        await host.Anonymous.GetAsync("/go/" + id);

        var stats = Assert.Single(await links.ListAsync("42"));
        Assert.Equal(2, stats.Clicks);
        Assert.Equal("telegram", stats.Platform);
        Assert.Equal("001", stats.Account);
    }

    [Fact]
    public async Task Unknown_link_is_404_problem()
    {
        await using var host = await RunningHost.StartAsync();
        var response = await host.Anonymous.GetAsync("/go/nope1234");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Links_of_one_item_posted_to_two_accounts_of_a_platform_carry_each_account()
    {
        // Dry run (no Facebook credentials): the worker still composes each channel's post, minting one link per channel.
        await using var host = await RunningHost.StartAsync(HostSettings.WithChannels(new Dictionary<string, string?>
        {
            ["Rizquna:Autopost:Channels:facebook/002"] = "222222222222222",
            ["Rizquna:Autopost:ShortenLinks"] = "true",
            ["Rizquna:Host:AutopostPollInterval"] = "00:00:00.100",
        }));
        var ingest = await host.Client.PostAsync("/api/autopost/ingest", new StringContent(
            """{"title":"Two pages","summary":"s","link":"https://example.com/two","channels":["facebook/001","facebook/002"]}""",
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, ingest.StatusCode);
        using var created = System.Text.Json.JsonDocument.Parse(await ingest.Content.ReadAsStringAsync());
        var itemId = created.RootElement.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var links = host.Services.GetRequiredService<LinkStore>();

        var minted = await Eventually.WaitAsync(async () => (await links.ListAsync(itemId)) is { Count: 2 } both ? both : null, "a link per channel", seconds: 20);

        Assert.Equal(["facebook/001", "facebook/002"], minted.Select(l => l.Channel).Order(StringComparer.Ordinal));
        Assert.All(minted, l => Assert.Equal("facebook", l.Platform));
        await host.Anonymous.GetAsync("/go/" + minted.Single(l => l.Account == "002").Id);
        using var posts = System.Text.Json.JsonDocument.Parse(await host.Client.GetStringAsync("/api/autopost/posts?channel=facebook"));
        var clicks = posts.RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("channel").GetString()!, p => p.GetProperty("clicks").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["facebook/001"] = 0, ["facebook/002"] = 1 }, clicks);
    }
}
