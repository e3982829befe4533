namespace Rizquna;

/// <summary>
/// Gives connectors the current credential of an account. Called per request (cache inside if needed), so a rotated
/// token is picked up without a restart.
/// </summary>
public interface ICredentialProvider
{
    /// <summary>The current credential of the account.</summary>
    /// <exception cref="PlatformException">No credential is configured (<see cref="PlatformErrorKind.ReauthorizationRequired"/>).</exception>
    ValueTask<PlatformCredential> GetAsync(AccountRef account, CancellationToken cancellationToken = default);
}
