using Rizquna.Http;

namespace Rizquna.Content;

/// <summary>Bitly v4 settings, bound from <c>Rizquna:Content:Bitly</c>. Without an access token links are not shortened.</summary>
public sealed class BitlyOptions
{
    /// <summary>The Bitly API address. Default <c>https://api-ssl.bitly.com/</c>.</summary>
    public Uri BaseAddress { get; set; } = new("https://api-ssl.bitly.com/");

    /// <summary>A Bitly access token (sent as <c>Authorization: Bearer</c>, never logged). Null or empty turns shortening off.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The branded short domain (<c>domain</c>), e.g. <c>bit.ly</c>; null for the account default.</summary>
    public string? Domain { get; set; }

    /// <summary>The group (<c>group_guid</c>); null for the account default.</summary>
    public string? GroupGuid { get; set; }

    /// <summary>Timeouts, retries and circuit breaker for Bitly calls (shorten is idempotent for Bitly, so it is retried).</summary>
    public ResilienceSettings Resilience { get; set; } = new();

    /// <summary>Whether a token is set.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(AccessToken);
}
