using Rizquna.Connectors.Meta.Graph;
using Rizquna.Http;

namespace Rizquna.Connectors.Meta.Tokens;

/// <summary>
/// Asks <c>/debug_token</c> about an account's token (platform-contracts.md §1.6), authenticated with the app token
/// (<c>{app-id}|{app-secret}</c>, sent in the Authorization header, never the URL) and <c>appsecret_proof</c>.
/// A token expiring within <see cref="MetaOptions.TokenExpiryWarning"/> is flagged in <see cref="TokenHealth.Problem"/>.
/// </summary>
internal abstract class MetaTokenInspector(GraphClient graph, PlatformId platform) : ITokenInspector
{
    public PlatformId Platform => platform;

    public async Task<TokenHealth> InspectAsync(AccountRef account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var options = graph.Options;
        if (string.IsNullOrEmpty(options.AppId) || string.IsNullOrEmpty(options.AppSecret))
        {
            throw new PlatformException(platform, PlatformErrorKind.Permanent,
                $"{platform}: token health needs {MetaOptions.SectionName}:AppId and {MetaOptions.SectionName}:AppSecret.");
        }

        var token = await graph.AccessTokenAsync(account, cancellationToken).ConfigureAwait(false);
        var response = await graph.GetWithTokenAsync(account, "debug_token?input_token=" + GraphPaths.Escape(token), options.AppId + "|" + options.AppSecret,
            GraphJsonContext.Default.DebugTokenResponse, cancellationToken).ConfigureAwait(false);
        var data = response.Data;
        if (data is null)
        {
            throw new PlatformException(platform, PlatformErrorKind.Transient, $"{platform}: debug_token returned no data.");
        }

        var expiresAt = FromUnix(data.ExpiresAt);
        var dataAccessExpiresAt = FromUnix(data.DataAccessExpiresAt);
        var valid = data.IsValid ?? false;
        var now = graph.Time.GetUtcNow();
        string? problem = null;
        if (!valid)
        {
            var detail = data.Error?.Message is { } message ? SecretRedactor.Redact(message, token, options.AppSecret) : "the token is not valid";
            problem = $"Invalid token ({detail}{(data.Error?.Subcode is { } sub ? $", subcode {sub}" : string.Empty)}): connect the account again.";
        }
        else if (expiresAt is { } at && at - now <= options.TokenExpiryWarning)
        {
            problem = $"The token expires at {at:O}, within {options.TokenExpiryWarning.TotalHours:0.#} h: renew it.";
        }
        else if (dataAccessExpiresAt is { } dataAt && dataAt - now <= options.TokenExpiryWarning)
        {
            problem = $"Data access expires at {dataAt:O}, within {options.TokenExpiryWarning.TotalHours:0.#} h: the user must log in again.";
        }

        return new TokenHealth
        {
            IsValid = valid,
            ExpiresAt = expiresAt,
            DataAccessExpiresAt = dataAccessExpiresAt,
            Scopes = data.Scopes is { } scopes ? scopes.ToArray() : [],
            Problem = problem,
        };
    }

    // 0 means "never expires" (long-lived Page tokens).
    private static DateTimeOffset? FromUnix(long? seconds) => seconds is { } s and > 0 ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
}

/// <summary>Token health of Facebook Page accounts.</summary>
internal sealed class FacebookTokenInspector(GraphClient graph) : MetaTokenInspector(graph, PlatformId.Facebook);

/// <summary>Token health of Instagram accounts (Facebook Login tokens).</summary>
internal sealed class InstagramTokenInspector(GraphClient graph) : MetaTokenInspector(graph, PlatformId.Instagram);
