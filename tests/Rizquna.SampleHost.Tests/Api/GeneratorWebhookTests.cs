using System.Net;
using System.Text;
using Rizquna.SampleHost.Security;
using Rizquna.SampleHost.Tests.Infrastructure;
using Rizquna.SampleHost.Webhooks;

namespace Rizquna.SampleHost.Tests.Api;

public sealed class GeneratorWebhookTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(HostSettings.WithChannels());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<HttpResponseMessage> SendAsync(string body, string? secret, long? timestamp = null, string source = "scores")
    {
        var ts = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/autopost/webhook/" + source)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(HmacSignature.TimestampHeader, ts.ToString());
        if (secret is not null)
        {
            request.Headers.Add(HmacSignature.SignatureHeader, HmacSignature.Sign(secret, ts, Encoding.UTF8.GetBytes(body)));
        }

        return _host.Anonymous.SendAsync(request);
    }

    private const string Body = """{"title":"Goal!","summary":"1-0","link":"https://example.com/g"}""";

    [Fact]
    public async Task Good_signature_is_queued_and_logged()
    {
        var response = await SendAsync(Body, HostSettings.GeneratorSecret);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = Assert.Single(await _host.Services.GetRequiredService<WebhookLog>().ListAsync("scores"));
        Assert.Equal("accepted", entry.Outcome);
    }

    [Fact]
    public async Task Bad_missing_or_stale_signatures_and_replays_are_rejected()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(Body, "wrong-secret-000000000000")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(Body, secret: null)).StatusCode);
        var stale = DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeSeconds();
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(Body, HostSettings.GeneratorSecret, stale)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(Body, HostSettings.GeneratorSecret, source: "unknown")).StatusCode);

        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(Body, HostSettings.GeneratorSecret, ts)).StatusCode);
        var replay = await SendAsync(Body, HostSettings.GeneratorSecret, ts);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal("application/problem+json", replay.Content.Headers.ContentType?.MediaType);

        var outcomes = (await _host.Services.GetRequiredService<WebhookLog>().ListAsync()).Select(e => e.Outcome).ToArray();
        Assert.Equal(["replay", "accepted", "unknown_source", "stale", "bad_signature", "bad_signature"], outcomes);
    }

    [Fact]
    public async Task Signed_but_invalid_content_is_400_and_logged_as_rejected()
    {
        var response = await SendAsync("""{"title":"x"}""", HostSettings.GeneratorSecret);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("rejected", (await _host.Services.GetRequiredService<WebhookLog>().ListAsync()).First().Outcome);
    }
}
