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
}
