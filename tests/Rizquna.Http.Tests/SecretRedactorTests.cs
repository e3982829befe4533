using Rizquna.Http;

namespace Rizquna.Http.Tests;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("https://graph.facebook.com/v25.0/me?access_token=EAAB123secret&fields=id", "https://graph.facebook.com/v25.0/me?access_token=***&fields=id")]
    [InlineData("https://x.test/debug_token?input_token=abc&access_token=1|sec", "https://x.test/debug_token?input_token=***&access_token=***")]
    [InlineData("client_secret=s3cr3t&refresh_token=rft.x&grant_type=refresh_token", "client_secret=***&refresh_token=***&grant_type=refresh_token")]
    [InlineData("https://api.telegram.org/bot123456:AAEabc-def_ghi/sendMessage", "https://api.telegram.org/bot***/sendMessage")]
    public void Secrets_in_urls_are_masked(string input, string expected) =>
        Assert.Equal(expected, SecretRedactor.RedactUrl(input));

    [Fact]
    public void Named_secrets_are_masked_anywhere_in_text()
    {
        const string key = "waha-api-key-0123456789";

        var redacted = SecretRedactor.Redact($"request failed with X-Api-Key: {key} (again {key})", key);

        Assert.DoesNotContain(key, redacted, StringComparison.Ordinal);
        Assert.Contains("***", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_text_is_left_alone() =>
        Assert.Equal("nothing to hide here", SecretRedactor.Redact("nothing to hide here", "abc"));
}
