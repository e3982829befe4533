namespace Rizquna;

/// <summary>A credential provider that can also persist a rotated credential (TikTok refresh-token rotation).</summary>
public interface ICredentialStore : ICredentialProvider
{
    /// <summary>Persists the new credential durably before the caller uses it.</summary>
    ValueTask SaveAsync(AccountRef account, PlatformCredential credential, CancellationToken cancellationToken = default);
}
