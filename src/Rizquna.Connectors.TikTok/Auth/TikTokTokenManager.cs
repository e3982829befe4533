using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rizquna.Connectors.TikTok;

/// <summary>
/// Hands out a usable access token per account, refreshing it before it expires with the lifetimes the platform
/// returned (they differ between documentation revisions, so nothing is hard-coded). With refresh-token rotation the
/// old refresh token dies once a new one is issued, so the new credential is saved through the store before the new
/// access token is used, refreshes of one account never overlap, and an empty refresh token never replaces a stored one.
/// </summary>
internal sealed class TikTokTokenManager(
    ICredentialStore store,
    TikTokOAuthClient oauth,
    IOptions<TikTokOptions> options,
    TimeProvider timeProvider,
    ILogger<TikTokTokenManager> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>The account's credential, refreshed first when it expires within <see cref="TikTokOptions.RefreshBeforeExpiry"/>.</summary>
    public async ValueTask<PlatformCredential> GetFreshAsync(AccountRef account, CancellationToken cancellationToken = default)
    {
        var credential = await store.GetAsync(account, cancellationToken).ConfigureAwait(false);
        return IsExpiring(credential)
            ? await RefreshAsync(account, credential, cancellationToken).ConfigureAwait(false)
            : credential;
    }

    /// <summary>
    /// Refreshes after <paramref name="rejected"/> stopped working (or is about to). When another caller already
    /// replaced it, the newer credential is returned without a second refresh.
    /// </summary>
    public async Task<PlatformCredential> RefreshAsync(AccountRef account, PlatformCredential rejected, CancellationToken cancellationToken = default)
    {
        var gate = _locks.GetOrAdd(account.ToString(), static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await store.GetAsync(account, cancellationToken).ConfigureAwait(false);
            if (current.AccessToken != rejected.AccessToken && !IsExpiring(current))
            {
                return current; // Someone refreshed while we waited.
            }

            if (string.IsNullOrEmpty(current.RefreshToken))
            {
                throw new PlatformException(PlatformId.TikTok, PlatformErrorKind.ReauthorizationRequired,
                    $"The TikTok access token of '{account}' expired and no refresh token is stored: the account must authorise the app again.");
            }

            var now = timeProvider.GetUtcNow();
            if (current.RefreshExpiresAt is { } refreshExpiry && refreshExpiry <= now)
            {
                throw new PlatformException(PlatformId.TikTok, PlatformErrorKind.ReauthorizationRequired,
                    $"The TikTok refresh token of '{account}' expired at {refreshExpiry:O}: the account must authorise the app again.");
            }

            OAuthTokenResponse response;
            try
            {
                response = await oauth.RefreshAsync(account, current.RefreshToken, cancellationToken).ConfigureAwait(false);
            }
            catch (PlatformException ex)
            {
                TikTokTelemetry.TokenRefreshes.Add(1, new KeyValuePair<string, object?>("outcome", ex.Kind.ToString()));
                Log.TokenRefreshFailed(logger, account.ToString(), ex.Kind, ex.PlatformCode);
                throw;
            }

            var refreshed = Merge(current, response, timeProvider.GetUtcNow());

            // Persist first: once TikTok rotated the refresh token, the old one is dead, and a crash after using the new
            // access token but before saving would lose the account.
            await store.SaveAsync(account, refreshed, CancellationToken.None).ConfigureAwait(false);
            TikTokTelemetry.TokenRefreshes.Add(1, new KeyValuePair<string, object?>("outcome", "ok"));
            Log.TokenRefreshed(logger, account.ToString(), refreshed.Fingerprint, refreshed.ExpiresAt, refreshed.RefreshToken != current.RefreshToken);
            return refreshed;
        }
        finally
        {
            gate.Release();
        }
    }

    private bool IsExpiring(PlatformCredential credential) =>
        credential.ExpiresAt is { } expiresAt && expiresAt - options.Value.RefreshBeforeExpiry <= timeProvider.GetUtcNow();

    /// <summary>The new credential: lifetimes from the response, the old refresh token kept when none (or an empty one) came back.</summary>
    internal static PlatformCredential Merge(PlatformCredential current, OAuthTokenResponse response, DateTimeOffset now)
    {
        var rotated = !string.IsNullOrEmpty(response.RefreshToken);
        var properties = new Dictionary<string, string>(current.Properties, StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(response.Scope))
        {
            properties[TikTokCredentialProperties.Scope] = response.Scope;
        }

        if (!string.IsNullOrEmpty(response.OpenId))
        {
            properties[TikTokCredentialProperties.OpenId] = response.OpenId;
        }

        return new PlatformCredential(response.AccessToken!)
        {
            RefreshToken = rotated ? response.RefreshToken : current.RefreshToken,
            ExpiresAt = response.ExpiresIn is { } expiresIn ? now.AddSeconds(expiresIn) : null,
            RefreshExpiresAt = rotated && response.RefreshExpiresIn is { } refreshIn
                ? now.AddSeconds(refreshIn)
                : current.RefreshExpiresAt,
            Properties = properties,
        };
    }
}
