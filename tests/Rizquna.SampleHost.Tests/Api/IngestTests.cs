using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text;
using System.Text.Json;
using Rizquna.SampleHost.Tests.Infrastructure;

namespace Rizquna.SampleHost.Tests.Api;

public sealed class IngestTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(HostSettings.WithChannels(new Dictionary<string, string?>
    {
        ["Rizquna:Api:MaxRequestBodyBytes"] = "4096",
    }));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<HttpResponseMessage> PostAsync(string json, string? idempotencyKey = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/autopost/ingest")
        {
            Content = new StringContent(json, Encoding.UTF8, contentType),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return _host.Client.SendAsync(request);
    }

    [Fact]
    public async Task Valid_item_is_201_with_the_queue_item()
    {
        var response = await PostAsync("""
            {"title":"Match day","summary":"Kick-off at 20:00","link":"https://example.com/m/1",
             "image_url":"https://example.com/m/1.jpg","data":{"game":"g1","window":"20:00"},
             "channels":["telegram/001","facebook/001"],"publish_at":"2030-01-01T08:00:00+07:00"}
            """);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var item = doc.RootElement;
        Assert.True(item.GetProperty("id").GetInt64() > 0);
        Assert.Equal("ready", item.GetProperty("status").GetString());
        Assert.Equal(2, item.GetProperty("channels").GetArrayLength());
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 1, 0, 0, TimeSpan.Zero), item.GetProperty("publish_at").GetDateTimeOffset());
        Assert.Equal($"/api/autopost/queue/{item.GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);

        var listed = await _host.Client.GetStringAsync("/api/autopost/queue?status=ready");
        Assert.Contains("Match day", listed);
    }

    [Fact]
    public async Task Idempotency_key_replays_the_first_response_and_queues_once()
    {
        const string body = """{"title":"Once","summary":"s","link":"https://example.com/once"}""";
        var first = await PostAsync(body, "key-123");
        var second = await PostAsync(body, "key-123");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        using var a = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        using var b = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal(a.RootElement.GetProperty("id").GetInt64(), b.RootElement.GetProperty("id").GetInt64());

        var reused = await PostAsync("""{"title":"Other","summary":"s","link":"https://example.com/other"}""", "key-123");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);

        using var list = JsonDocument.Parse(await _host.Client.GetStringAsync("/api/autopost/queue"));
        Assert.Equal(1, list.RootElement.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("title").GetString() == "Once"));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_queue_one_item_and_the_rest_replay_it()
    {
        // The key is written in the item's own commit and its unique constraint decides the race (no reservation step,
        // so no "interrupted" state: a key exists exactly when its item does).
        const string body = """{"title":"Raced","summary":"s","link":"https://example.com/raced"}""";
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => PostAsync(body, "key-raced")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses, r => !r.Headers.Contains("Idempotent-Replayed"));
        var ids = await Task.WhenAll(responses.Select(async r =>
        {
            using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
            return doc.RootElement.GetProperty("id").GetInt64();
        }));
        Assert.Single(ids.Distinct());
        using var list = JsonDocument.Parse(await _host.Client.GetStringAsync("/api/autopost/queue"));
        Assert.Equal(1, list.RootElement.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("title").GetString() == "Raced"));
    }

    [Fact]
    public async Task A_used_key_with_a_rejected_body_still_answers_as_a_reused_key()
    {
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("""{"title":"Kept","summary":"s","link":"https://example.com/kept"}""", "key-kept")).StatusCode);

        var invalid = await PostAsync("""{"title":"Kept","summary":"s","link":"/relative"}""", "key-kept");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains("idempotency-key-reused", await invalid.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_rejected_body_does_not_use_up_its_idempotency_key()
    {
        var rejected = await PostAsync("""{"title":"Fixed later","summary":"s","link":"/relative"}""", "key-retry");
        var fixedUp = await PostAsync("""{"title":"Fixed later","summary":"s","link":"https://example.com/fixed"}""", "key-retry");

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fixedUp.StatusCode);
    }

    [Theory]
    [InlineData("{\"title\":\"t\",\"summary\":\"s\",\"link\":\"https://e.com/x\"", "malformed-json", "")]
    [InlineData("""[1,2]""", "validation", "$")]
    [InlineData("""{"summary":"s","link":"https://e.com/x"}""", "validation", "title")]
    [InlineData("""{"title":42,"summary":"s","link":"https://e.com/x"}""", "validation", "title")]
    [InlineData("""{"title":"t","summary":"s","link":"/relative/path"}""", "validation", "link")]
    [InlineData("""{"title":"t","summary":"s","link":"ftp://e.com/x"}""", "validation", "link")]
    [InlineData("""{"title":"t","summary":"s","link":"https://e.com/x","image_url":"javascript:alert(1)"}""", "validation", "image_url")]
    [InlineData("""{"title":"t","summary":"s","link":"https://e.com/x","publish_at":"tomorrow"}""", "validation", "publish_at")]
    [InlineData("""{"title":"t","summary":"s","link":"https://e.com/x","publish_at":"2001-01-01T00:00:00Z"}""", "validation", "publish_at")]
    [InlineData("""{"title":"t","summary":"s","link":"https://e.com/x","publish_at":12345}""", "validation", "publish_at")]
    [InlineData("""{"title":"t","summary":"s","link":"https://e.com/x","channels":["myspace/001"]}""", "validation", "channels[0]")]
    [InlineData("""{"title":"t","summary":"s","link":"https://e.com/x","channels":"telegram/001"}""", "validation", "channels")]
    [InlineData("""{"title":"t","summary":"s","link":"https://e.com/x","data":[1]}""", "validation", "data")]
    [InlineData("""{"title":"t","summary":"s","link":"https://e.com/x","publishAt":"2030-01-01T00:00:00Z"}""", "validation", "publishAt")]
    public async Task Bad_input_is_a_4xx_problem_naming_the_field_and_writes_nothing(string json, string kind, string field)
    {
        var response = await PostAsync(json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.EndsWith("/" + kind, doc.RootElement.GetProperty("type").GetString());
        if (field.Length > 0)
        {
            Assert.True(doc.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {doc.RootElement}");
        }

        using var list = JsonDocument.Parse(await _host.Client.GetStringAsync("/api/autopost/queue"));
        Assert.Equal(0, list.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Oversized_body_is_413_problem()
    {
        var big = new string('x', 10_000);
        var response = await PostAsync($$"""{"title":"t","summary":"{{big}}","link":"https://e.com/x"}""");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Wrong_content_type_is_415_and_no_token_is_401()
    {
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await PostAsync("title=t", contentType: "application/x-www-form-urlencoded")).StatusCode);
        var anonymous = await _host.Anonymous.PostAsync("/api/autopost/ingest", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Queue_list_pages_with_a_next_link_and_rejects_bad_filters()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await PostAsync($$"""{"title":"p{{i}}","summary":"s","link":"https://e.com/{{i}}"}""")).StatusCode);
        }

        using var first = JsonDocument.Parse(await _host.Client.GetStringAsync("/api/autopost/queue?limit=2"));
        Assert.Equal(2, first.RootElement.GetProperty("items").GetArrayLength());
        var next = first.RootElement.GetProperty("next").GetString()!;
        Assert.StartsWith("/api/autopost/queue?", next);
        using var second = JsonDocument.Parse(await _host.Client.GetStringAsync(next));
        Assert.Equal("p0", second.RootElement.GetProperty("items")[0].GetProperty("title").GetString());
        Assert.False(second.RootElement.TryGetProperty("next", out _));

        foreach (var bad in new[] { "status=nope", "limit=0", "limit=abc", "from=yesterday", "cursor=zzz" })
        {
            var response = await _host.Client.GetAsync("/api/autopost/queue?" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }
}
