using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Rizquna.Connectors.Waha.Api;

/// <summary>
/// Holds one <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/> and asks for a new one once the factory's
/// handler lifetime has passed, or when the settings the client was configured from (its base address) were reloaded.
/// The factory still rotates handlers, while a send does not pay for a new client, its cancellation source and the
/// configuration action every time. An old client is never disposed: that would cancel requests still running on it.
/// </summary>
internal sealed class FactoryClientCache(IHttpClientFactory factory, string name, IOptionsMonitor<HttpClientFactoryOptions>? factoryOptions)
{
    private readonly long _lifetimeMs = LifetimeMs(factoryOptions?.Get(name).HandlerLifetime);
    private Entry? _current;

    /// <summary>The cached client, or a new one when it is too old or <paramref name="settings"/> is not the instance it was made with.</summary>
    public HttpClient Get(object settings)
    {
        var now = Environment.TickCount64;
        var current = Volatile.Read(ref _current);
        if (current is not null && ReferenceEquals(current.Settings, settings) && (_lifetimeMs < 0 || now - current.CreatedAtMs < _lifetimeMs))
        {
            return current.Client;
        }

        var fresh = new Entry(factory.CreateClient(name), settings, now);
        Volatile.Write(ref _current, fresh); // a race creates one client too many, which is harmless
        return fresh.Client;
    }

    /// <summary>Milliseconds a client is kept: the handler lifetime (default 2 minutes), or -1 for ever when it is infinite.</summary>
    private static long LifetimeMs(TimeSpan? lifetime) => lifetime switch
    {
        null => (long)TimeSpan.FromMinutes(2).TotalMilliseconds,
        { } l when l == Timeout.InfiniteTimeSpan => -1,
        { } l => (long)l.TotalMilliseconds,
    };

    private sealed record Entry(HttpClient Client, object Settings, long CreatedAtMs);
}
