using System.Net;
using RichardSzalay.MockHttp;
using Rizquna.Connectors.TikTok.Tests.Fakes;

namespace Rizquna.Connectors.TikTok.Tests.Auth;

public sealed class TokenRefreshTests
{
    private const string TokenUrl = TikTokFixture.BaseUrl + "v2/oauth/token/";
    private const string CreatorUrl = TikTokFixture.BaseUrl + "v2/post/publish/creator_info/query/";
    private const string Rotated = "rft.rotated0000000000000000000000";
    private const string NewAccess = "act.rotated0000000000000000000000";

    private static Task<CreatorInfo> QueryCreator(TikTokFixture fx) =>
        fx.Get<TikTokApiClient>().PostAsync<TikTokEmpty, CreatorInfo>(TikTokFixture.Account, TikTokPublisher.CreatorInfoPath, null,
            TikTokJsonContext.Default.TikTokEmpty, TikTokJsonContext.Default.TikTokEnvelopeCreatorInfo, createsContent: false);

    [Fact]
    public async Task Refreshes_before_expiry_persisting_the_rotated_refresh_token_before_the_new_access_token_is_used()
    {
        using var fx = new TikTokFixture();
        fx.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(4)); // inside the 5-minute refresh window
        fx.Api.Expect(HttpMethod.Post, TokenUrl)
            .WithFormData([
                new("client_key", "client-key"), new("client_secret", TikTokFixture.ClientSecret),
                new("grant_type", "refresh_token"), new("refresh_token", TikTokFixture.RefreshToken)])
            .Respond(Bodies.Json, Bodies.Token(expiresIn: 7200, refreshExpiresIn: 15_552_000));
        string? storedWhenUsed = null;
        fx.Api.Expect(HttpMethod.Post, CreatorUrl)
            .WithHeaders("Authorization", "Bearer " + NewAccess)
            .Respond(_ =>
            {
                storedWhenUsed = fx.Credentials.GetAsync(TikTokFixture.Account).AsTask().Result.RefreshToken;
                return new StringContent(Bodies.CreatorInfo(), System.Text.Encoding.UTF8, Bodies.Json);
            });
        var now = fx.Clock.GetUtcNow();

        await QueryCreator(fx);

        fx.Api.VerifyNoOutstandingExpectation();
        Assert.Equal(Rotated, storedWhenUsed);
        var stored = await fx.Credentials.GetAsync(TikTokFixture.Account);
        Assert.Equal(NewAccess, stored.AccessToken);
        Assert.Equal(Rotated, stored.RefreshToken);
        Assert.Equal(now.AddSeconds(7200), stored.ExpiresAt); // the returned lifetime, not a constant
        Assert.Equal(now.AddSeconds(15_552_000), stored.RefreshExpiresAt);
        Assert.Equal("user.info.basic,video.publish", stored.Properties[TikTokCredentialProperties.Scope]);
        Assert.DoesNotContain(TikTokFixture.RefreshToken, fx.Logs.All);
        Assert.DoesNotContain(Rotated, fx.Logs.All);
        Assert.DoesNotContain(NewAccess, fx.Logs.All);
    }

    [Fact]
    public async Task Uses_the_lifetimes_the_platform_returns_whatever_the_documentation_revision()
    {
        using var fx = new TikTokFixture();
        fx.Clock.Advance(TimeSpan.FromHours(3));
        fx.Api.Expect(HttpMethod.Post, TokenUrl).Respond(Bodies.Json, Bodies.Token(expiresIn: 86_400, refreshExpiresIn: 31_536_000));
        fx.Api.Expect(HttpMethod.Post, CreatorUrl).Respond(Bodies.Json, Bodies.CreatorInfo());
        var now = fx.Clock.GetUtcNow();

        await QueryCreator(fx);

        var stored = await fx.Credentials.GetAsync(TikTokFixture.Account);
        Assert.Equal(now.AddDays(1), stored.ExpiresAt);
        Assert.Equal(now.AddDays(365), stored.RefreshExpiresAt);
    }

    [Fact]
    public async Task An_empty_refresh_token_never_replaces_the_stored_one()
    {
        using var fx = new TikTokFixture();
        fx.Clock.Advance(TimeSpan.FromHours(3));
        fx.Api.Expect(HttpMethod.Post, TokenUrl).Respond(Bodies.Json, Bodies.Token(refresh: ""));
        fx.Api.Expect(HttpMethod.Post, CreatorUrl).Respond(Bodies.Json, Bodies.CreatorInfo());
        var before = await fx.Credentials.GetAsync(TikTokFixture.Account);

        await QueryCreator(fx);

        var stored = await fx.Credentials.GetAsync(TikTokFixture.Account);
        Assert.Equal(NewAccess, stored.AccessToken);
        Assert.Equal(TikTokFixture.RefreshToken, stored.RefreshToken);
        Assert.Equal(before.RefreshExpiresAt, stored.RefreshExpiresAt);
    }

    [Fact]
    public async Task Access_token_invalid_refreshes_then_retries_once()
    {
        using var fx = new TikTokFixture();
        fx.Api.Expect(HttpMethod.Post, CreatorUrl).WithHeaders("Authorization", "Bearer " + TikTokFixture.AccessToken)
            .Respond(HttpStatusCode.Unauthorized, Bodies.Json, Bodies.Error("access_token_invalid", "The access token is invalid or not found in the request."));
        fx.Api.Expect(HttpMethod.Post, TokenUrl).Respond(Bodies.Json, Bodies.Token());
        fx.Api.Expect(HttpMethod.Post, CreatorUrl).WithHeaders("Authorization", "Bearer " + NewAccess)
            .Respond(Bodies.Json, Bodies.CreatorInfo());

        var creator = await QueryCreator(fx);

        fx.Api.VerifyNoOutstandingExpectation();
        Assert.Equal("tiktok", creator.CreatorUsername);
        Assert.Equal(Rotated, (await fx.Credentials.GetAsync(TikTokFixture.Account)).RefreshToken);
    }

    [Fact]
    public async Task Access_token_invalid_twice_is_auth_expired()
    {
        using var fx = new TikTokFixture();
        fx.Api.Expect(HttpMethod.Post, CreatorUrl)
            .Respond(HttpStatusCode.Unauthorized, Bodies.Json, Bodies.Error("access_token_invalid"));
        fx.Api.Expect(HttpMethod.Post, TokenUrl).Respond(Bodies.Json, Bodies.Token());
        fx.Api.Expect(HttpMethod.Post, CreatorUrl)
            .Respond(HttpStatusCode.Unauthorized, Bodies.Json, Bodies.Error("access_token_invalid"));

        var error = await Assert.ThrowsAsync<PlatformException>(() => QueryCreator(fx));

        fx.Api.VerifyNoOutstandingExpectation();
        Assert.Equal(PlatformErrorKind.AuthExpired, error.Kind);
        Assert.Equal(401, error.HttpStatus);
    }

    [Theory]
    [InlineData("invalid_grant", PlatformErrorKind.ReauthorizationRequired)]
    [InlineData("invalid_client", PlatformErrorKind.ReauthorizationRequired)]
    [InlineData("access_denied", PlatformErrorKind.ReauthorizationRequired)]
    [InlineData("temporarily_unavailable", PlatformErrorKind.Transient)]
    public async Task A_refresh_failure_keeps_the_stored_credential_and_maps_the_flat_error(string code, PlatformErrorKind kind)
    {
        using var fx = new TikTokFixture();
        fx.Clock.Advance(TimeSpan.FromHours(3));
        fx.Api.Expect(HttpMethod.Post, TokenUrl).Respond(HttpStatusCode.BadRequest, Bodies.Json, Bodies.OAuthError(code));
        var before = await fx.Credentials.GetAsync(TikTokFixture.Account);

        var error = await Assert.ThrowsAsync<PlatformException>(() => QueryCreator(fx));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.PlatformCode);
        Assert.Equal("20230525092208A9B5F6E2D4D7D4A5D6C1", error.TraceId);
        Assert.Same(before, await fx.Credentials.GetAsync(TikTokFixture.Account));
        var everything = error + error.RawBody + fx.Logs.All;
        Assert.DoesNotContain(TikTokFixture.RefreshToken, everything);
        Assert.DoesNotContain(TikTokFixture.ClientSecret, everything);
        Assert.DoesNotContain(TikTokFixture.AccessToken, everything);
    }

    [Fact]
    public async Task An_expired_refresh_token_requires_reauthorisation_without_calling_the_platform()
    {
        using var fx = new TikTokFixture();
        fx.Clock.Advance(TimeSpan.FromDays(181));

        var error = await Assert.ThrowsAsync<PlatformException>(() => QueryCreator(fx));

        Assert.Equal(PlatformErrorKind.ReauthorizationRequired, error.Kind);
        fx.Api.VerifyNoOutstandingRequest();
    }

    [Fact]
    public async Task Concurrent_callers_share_one_refresh()
    {
        using var fx = new TikTokFixture();
        fx.Clock.Advance(TimeSpan.FromHours(3));
        var refreshes = 0;
        fx.Api.When(HttpMethod.Post, TokenUrl).Respond(async () =>
        {
            Interlocked.Increment(ref refreshes);
            await Task.Delay(20);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Bodies.Token(), System.Text.Encoding.UTF8, Bodies.Json) };
        });
        fx.Api.When(HttpMethod.Post, CreatorUrl).Respond(Bodies.Json, Bodies.CreatorInfo());

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => QueryCreator(fx)));

        Assert.Equal(1, refreshes);
    }

    [Fact]
    public async Task Token_inspector_reports_expiry_and_scopes_and_a_failed_refresh_as_invalid()
    {
        using var fx = new TikTokFixture();
        fx.Clock.Advance(TimeSpan.FromHours(3));
        fx.Api.Expect(HttpMethod.Post, TokenUrl).Respond(Bodies.Json, Bodies.Token());

        var health = await fx.Inspector.InspectAsync(TikTokFixture.Account);

        Assert.True(health.IsValid);
        Assert.Equal(fx.Clock.GetUtcNow().AddSeconds(7200), health.ExpiresAt);
        Assert.Equal(["user.info.basic", "video.publish"], health.Scopes);

        fx.Clock.Advance(TimeSpan.FromHours(3));
        fx.Api.Expect(HttpMethod.Post, TokenUrl).Respond(HttpStatusCode.BadRequest, Bodies.Json, Bodies.OAuthError());

        var broken = await fx.Inspector.InspectAsync(TikTokFixture.Account);

        Assert.False(broken.IsValid);
        Assert.Contains("invalid_grant", broken.Problem);
    }
}
