using System.Collections.Concurrent;

namespace Rizquna;

/// <summary>A process-local credential store, keyed by <see cref="AccountRef.ToString"/>: for tests, samples and connectors used alone.</summary>
public sealed class InMemoryCredentialStore : ICredentialStore
{
    private readonly ConcurrentDictionary<string, PlatformCredential> _credentials = new(StringComparer.Ordinal);

    /// <summary>Sets the credential of an account.</summary>
    public InMemoryCredentialStore Set(AccountRef account, PlatformCredential credential)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(credential);
        _credentials[account.ToString()] = credential;
        return this;
    }

    /// <inheritdoc />
    public ValueTask<PlatformCredential> GetAsync(AccountRef account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _credentials.TryGetValue(account.ToString(), out var credential)
            ? ValueTask.FromResult(credential)
            : throw new PlatformException(account.Platform, PlatformErrorKind.ReauthorizationRequired,
                $"No credential is configured for account '{account}'.");
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(AccountRef account, PlatformCredential credential, CancellationToken cancellationToken = default)
    {
        Set(account, credential);
        return ValueTask.CompletedTask;
    }
}
