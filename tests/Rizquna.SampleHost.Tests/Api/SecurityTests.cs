using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Rizquna.SampleHost.Tests.Infrastructure;

namespace Rizquna.SampleHost.Tests.Api;

public sealed class SecurityTests
{
    [Fact]
    public async Task Api_without_or_with_wrong_token_is_401_problem()
    {
        await using var host = await RunningHost.StartAsync();
        var anonymous = await host.Anonymous.GetAsync("/api/links");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Contains("unauthorized", await anonymous.Content.ReadAsStringAsync());

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/links");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningHost.Token + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.SendAsync(wrong)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/links")).StatusCode);
    }

    [Fact]
    public async Task Rate_limit_answers_429_with_retry_after_per_client()
    {
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?>
        {
            ["Rizquna:Api:RateLimitPermits"] = "3",
            ["Rizquna:Api:RateLimitWindow"] = "00:10:00",
        });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/links")).StatusCode);
        }

        var limited = await host.Client.GetAsync("/api/links");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After must be present");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);

        // Another client (anonymous, by IP) has its own budget.
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.GetAsync("/api/links")).StatusCode);
    }

    [Fact]
    public async Task No_cors_headers_unless_configured()
    {
        await using var host = await RunningHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("Origin", "https://evil.example");
        var response = await host.Anonymous.SendAsync(request);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Unknown_route_is_a_problem_not_an_empty_404()
    {
        await using var host = await RunningHost.StartAsync();
        var response = await host.Client.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_is_public_and_openapi_is_served()
    {
        await using var host = await RunningHost.StartAsync();
        var health = await host.Anonymous.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var doc = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
        Assert.True(doc.RootElement.GetProperty("components").GetProperty("database").GetProperty("ok").GetBoolean());
        Assert.Equal(JsonValueKind.Object, doc.RootElement.GetProperty("tokens").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.True(File.Exists(Path.Combine(host.DataDirectory, "rizquna.db")), "the database is created on first run");

        var openApi = await host.Anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.Contains("/go/{id}", await openApi.Content.ReadAsStringAsync());
    }
}
