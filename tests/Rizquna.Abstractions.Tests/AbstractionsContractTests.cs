namespace Rizquna.Abstractions.Tests;

public sealed class AbstractionsContractTests
{
    [Theory]
    [InlineData("Instagram", "instagram")]
    [InlineData("shopee", "shopee")]
    [InlineData("my-shop_2", "my-shop_2")]
    public void A_platform_id_is_parsed_case_insensitively(string text, string value) =>
        Assert.Equal(value, PlatformId.Parse(text).Value);

    [Theory]
    [InlineData("")]
    [InlineData("insta gram")]
    [InlineData("tiktok/01")]
    public void A_bad_platform_id_is_rejected_naming_the_value(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => PlatformId.Parse(text));
        Assert.Equal("value", error.ParamName);
        Assert.False(PlatformId.TryParse(text, out _));
    }

    [Fact]
    public void An_account_reads_as_platform_slash_key() =>
        Assert.Equal("tiktok/001", new AccountRef(PlatformId.TikTok, "001", "open-id").ToString());

    [Fact]
    public void A_raw_body_is_cut_to_the_limit_with_a_marker_and_never_splits_a_surrogate_pair()
    {
        var marker = "…[truncated]";
        var cut = PlatformException.MaxRawBodyLength - marker.Length;
        // An emoji (two UTF-16 units) straddling the cut point must not be halved.
        var body = new string('a', cut - 1) + "😀" + new string('b', 10_000);

        var ex = new PlatformException(PlatformId.Facebook, PlatformErrorKind.Transient, "boom") { RawBody = body };

        Assert.True(ex.RawBody!.Length <= PlatformException.MaxRawBodyLength);
        Assert.EndsWith(marker, ex.RawBody);
        Assert.False(char.IsHighSurrogate(ex.RawBody[^(marker.Length + 1)]));
        Assert.Equal("short", new PlatformException(PlatformId.X, PlatformErrorKind.Permanent, "x") { RawBody = "short" }.RawBody);
    }

    [Theory]
    [InlineData(PlatformErrorKind.Transient, true)]
    [InlineData(PlatformErrorKind.RateLimited, true)]
    [InlineData(PlatformErrorKind.OutcomeUnknown, true)]
    [InlineData(PlatformErrorKind.InvalidContent, false)]
    [InlineData(PlatformErrorKind.AuthExpired, false)]
    [InlineData(PlatformErrorKind.Permanent, false)]
    public void Only_transient_rate_limited_and_unknown_outcomes_are_retryable(PlatformErrorKind kind, bool retryable) =>
        Assert.Equal(retryable, new PlatformException(PlatformId.Telegram, kind, "m").IsRetryable);

    [Fact]
    public void Known_limits_follow_the_platform_contracts()
    {
        Assert.Equal((2_200, 30, true), (KnownPlatformLimits.Instagram.MaxTextLength, KnownPlatformLimits.Instagram.MaxHashtags, KnownPlatformLimits.Instagram.RequiresPublicMediaUrl));
        Assert.Equal((4_096, 1_024), (KnownPlatformLimits.Telegram.MaxTextLength, KnownPlatformLimits.Telegram.MaxTextLengthWithMedia));
        Assert.Equal((280, TextCountingRule.XWeighted), (KnownPlatformLimits.X.MaxTextLength, KnownPlatformLimits.X.Counting));
        Assert.Same(KnownPlatformLimits.TikTok, KnownPlatformLimits.For(PlatformId.TikTok));
        Assert.Null(KnownPlatformLimits.For(PlatformId.Shopee));
    }

    [Fact]
    public async Task A_credential_never_shows_its_token_and_a_missing_one_asks_for_reauthorisation()
    {
        var account = new AccountRef(PlatformId.Telegram, "01", "@channel");
        var credential = new PlatformCredential("123456:SECRET-TOKEN") { RefreshToken = "refresh-secret" };
        var store = new InMemoryCredentialStore().Set(account, credential);

        Assert.DoesNotContain("SECRET", credential.ToString());
        Assert.DoesNotContain("refresh-secret", credential.ToString());
        Assert.Matches("^[0-9a-f]{16}$", credential.Fingerprint);
        Assert.NotEqual(credential.Fingerprint, new PlatformCredential("123456:OTHER").Fingerprint);
        Assert.Same(credential, await store.GetAsync(account));

        var missing = await Assert.ThrowsAsync<PlatformException>(async () => await store.GetAsync(account with { Key = "02" }));
        Assert.Equal(PlatformErrorKind.ReauthorizationRequired, missing.Kind);
        Assert.Contains("telegram/02", missing.Message);
    }
}
