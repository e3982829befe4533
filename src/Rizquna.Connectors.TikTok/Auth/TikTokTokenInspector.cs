namespace Rizquna.Connectors.TikTok;

/// <summary>
/// Token health from the stored credential, refreshing it when it is about to expire (TikTok has no introspection
/// endpoint: a refresh that works is the proof). Scopes come from the last token response.
/// </summary>
internal sealed class TikTokTokenInspector(TikTokTokenManager tokens, TimeProvider timeProvider) : ITokenInspector
{
    /// <inheritdoc />
    public PlatformId Platform => PlatformId.TikTok;

    /// <inheritdoc />
    public async Task<TokenHealth> InspectAsync(AccountRef account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        PlatformCredential credential;
        try
        {
            credential = await tokens.GetFreshAsync(account, cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformException ex) when (ex.Kind is PlatformErrorKind.ReauthorizationRequired or PlatformErrorKind.AuthExpired)
        {
            return new TokenHealth
            {
                IsValid = false,
                Problem = $"TikTok needs the account to authorise the app again ({ex.PlatformCode ?? ex.Kind.ToString()}).",
            };
        }

        var scopes = credential.Properties.TryGetValue(TikTokCredentialProperties.Scope, out var scope)
            ? scope.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        var expired = credential.ExpiresAt is { } at && at <= timeProvider.GetUtcNow();
        return new TokenHealth
        {
            IsValid = !expired,
            ExpiresAt = credential.ExpiresAt,
            Scopes = scopes,
            Problem = expired ? "The TikTok access token expired and could not be refreshed." : null,
        };
    }
}
