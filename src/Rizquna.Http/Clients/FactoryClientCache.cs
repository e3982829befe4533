using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Rizquna.Http;

/// <summary>
/// Holds one <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/> and asks for a new one once the factory's
/// handler lifetime has passed, or when the settings the client was configured from were reloaded. The factory still
/// rotates handlers (DNS changes are picked up) while a send does not pay for a new client, its cancellation source and
/// the client's configuration actions every time. An old client is never disposed: that would cancel requests still
/// running on it; the factory disposes its handler once nothing uses it.
/// </summary>
public sealed class FactoryClientCache
{
    private readonly IHttpClientFactory _factory;
    private readonly string _name;
    private readonly long _lifetimeMs;
    private Entry? _current;

    /// <summary>Caches clients named <paramref name="name"/>; <paramref name="factoryOptions"/> gives their handler lifetime (default 2 minutes).</summary>
    public FactoryClientCache(IHttpClientFactory factory, string name, IOptionsMonitor<HttpClientFactoryOptions>? factoryOptions = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentException.ThrowIfNullOrEmpty(name);
        _factory = factory;
        _name = name;
        _lifetimeMs = LifetimeMs(factoryOptions?.Get(name).HandlerLifetime);
    }

    /// <summary>
    /// The cached client, or a new one when it is older than the handler lifetime or <paramref name="settings"/> is not
    /// the instance it was made with (pass the options value the client's configuration reads, or null if none reloads).
    /// </summary>
    public HttpClient Get(object? settings = null)
    {
        var now = Environment.TickCount64;
        var current = Volatile.Read(ref _current);
        if (current is not null && ReferenceEquals(current.Settings, settings) && (_lifetimeMs < 0 || now - current.CreatedAtMs < _lifetimeMs))
        {
            return current.Client;
        }

        var fresh = new Entry(_factory.CreateClient(_name), settings, now);
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

    private sealed record Entry(HttpClient Client, object? Settings, long CreatedAtMs);
}
