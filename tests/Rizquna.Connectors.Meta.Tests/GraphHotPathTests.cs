using System.Net;
using Rizquna.Connectors.Meta.Graph;

namespace Rizquna.Connectors.Meta.Tests;

/// <summary>The caches on the Graph client's hot path give the same answers as computing afresh.</summary>
public sealed class GraphHotPathTests
{
    private static UsageReading Read(UsageHeaderMemo? memo, params (string Name, string Value)[] headers)
    {
        using var response = MetaHarness.Json(HttpStatusCode.OK, "{}", headers);
        return UsageHeaders.Read(response.Headers, memo);
    }

    [Fact]
    public void A_memoized_usage_reading_equals_a_fresh_parse_and_follows_a_changed_header()
    {
        var memo = new UsageHeaderMemo();
        var low = (UsageHeaders.AppUsage, "{\"call_count\":28,\"total_cputime\":25,\"total_time\":25}");
        var high = (UsageHeaders.AppUsage, "{\"call_count\":97,\"total_cputime\":25,\"total_time\":25}");

        Assert.Equal(Read(null, low), Read(memo, low));
        Assert.Equal(28, Read(memo, low).AppPercent);
        Assert.Equal(97, Read(memo, high).AppPercent);
        Assert.Equal(28, Read(memo, low).AppPercent);
    }

    [Fact]
    public void A_memoized_reading_combines_headers_like_a_fresh_parse()
    {
        var memo = new UsageHeaderMemo();
        var headers = new[]
        {
            (UsageHeaders.AppUsage, "{\"call_count\":10,\"total_cputime\":5,\"total_time\":5}"),
            (UsageHeaders.BusinessUseCaseUsage, "{\"" + MetaHarness.PageId + "\":[{\"type\":\"pages\",\"call_count\":60,\"total_cputime\":1,\"total_time\":1,\"estimated_time_to_regain_access\":12}]}"),
            (UsageHeaders.PageUsage, "{\"call_count\":70,\"total_cputime\":1,\"total_time\":1,\"estimated_time_to_regain_access\":3}"),
        };

        var fresh = Read(null, headers);
        Read(memo, headers);
        var memoized = Read(memo, headers);

        Assert.Equal(fresh, memoized);
        Assert.Equal(new UsageReading(10, 70, TimeSpan.FromMinutes(12)), memoized);
    }

    [Fact]
    public void The_target_cache_builds_what_HttpClient_would_and_follows_a_new_token_proof_or_base_address()
    {
        var cache = new GraphTargetCache();
        var graphBase = new Uri("https://graph.facebook.com/v25.0/");

        var first = cache.For(graphBase, "123/feed?fields=id", "token-a", "proof-a");
        Assert.Equal("https://graph.facebook.com/v25.0/123/feed?fields=id&appsecret_proof=proof-a", first.Url.AbsoluteUri);
        Assert.Equal("Bearer", first.Authorization.Scheme);
        Assert.Equal("token-a", first.Authorization.Parameter);
        Assert.Same(first, cache.For(graphBase, "123/feed?fields=id", "token-a", "proof-a"));

        var rotated = cache.For(graphBase, "123/feed?fields=id", "token-b", "proof-b");
        Assert.Equal("token-b", rotated.Authorization.Parameter);
        Assert.EndsWith("appsecret_proof=proof-b", rotated.Url.AbsoluteUri, StringComparison.Ordinal);

        var newSecret = cache.For(graphBase, "123/feed?fields=id", "token-a", "proof-a2");
        Assert.EndsWith("appsecret_proof=proof-a2", newSecret.Url.AbsoluteUri, StringComparison.Ordinal);

        var proofOff = cache.For(graphBase, "123/photos", "token-a", null);
        Assert.Equal("https://graph.facebook.com/v25.0/123/photos", proofOff.Url.AbsoluteUri);

        var moved = cache.For(new Uri("https://graph.example/v26.0/"), "123/photos", "token-a", null);
        Assert.Equal("https://graph.example/v26.0/123/photos", moved.Url.AbsoluteUri);
    }

    [Fact]
    public void The_proof_cache_follows_a_rotated_token_and_a_changed_secret()
    {
        var cache = new AppSecretProofCache();

        Assert.Equal(AppSecretProof.Compute("secret-1", "token-a"), cache.For("secret-1", "token-a"));
        Assert.Equal(AppSecretProof.Compute("secret-1", "token-b"), cache.For("secret-1", "token-b"));
        Assert.Equal(AppSecretProof.Compute("secret-2", "token-b"), cache.For("secret-2", "token-b"));
        Assert.Equal(AppSecretProof.Compute("secret-2", "token-a"), cache.For("secret-2", "token-a"));
    }

    [Fact]
    public void The_proof_cache_is_one_per_container_while_graph_clients_are_transient()
    {
        using var meta = new MetaHarness();

        Assert.Same(meta.Get<AppSecretProofCache>(), meta.Get<AppSecretProofCache>());
        Assert.NotSame(meta.Get<GraphClient>(), meta.Get<GraphClient>());
    }
}
