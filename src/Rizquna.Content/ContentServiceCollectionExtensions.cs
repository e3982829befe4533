using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rizquna.Content;
using Rizquna.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Rizquna content utilities.</summary>
public static class ContentServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ICaptionTemplater"/> (singleton, templates compiled once), <see cref="ICaptionComposer"/> and
    /// <see cref="IUrlShortener"/> (Bitly; links unchanged without a token), with options bound from
    /// <paramref name="section"/> (usually <c>Rizquna:Content</c>) and validated on start. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddRizqunaContent(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        // Binding the same section twice would append every template variant twice.
        if (!services.Any(d => d.ServiceType == typeof(BoundSection) && d.ImplementationInstance is BoundSection b && b.Path == section.Path))
        {
            services.AddSingleton(new BoundSection(section.Path));
            services.AddOptions<ContentOptions>().Bind(section);
        }

        return services.AddRizqunaContentCore();
    }

    /// <summary>
    /// Adds the content utilities configured in code, e.g.
    /// <c>o => o.AddTemplate("daily", null, "{{game}} RTP {{rtp}}% {{link}}")</c>. Each call adds its configuration.
    /// </summary>
    public static IServiceCollection AddRizqunaContent(this IServiceCollection services, Action<ContentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return services.AddRizqunaContentCore();
    }

    private static IServiceCollection AddRizqunaContentCore(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContentOptions>, ContentOptionsValidator>());

        if (!services.Any(d => d.ServiceType == typeof(HttpClientRegistered)))
        {
            services.AddSingleton<HttpClientRegistered>();
            services.AddHttpClient(BitlyUrlShortener.HttpClientName)
                .AddRizqunaResilience(static sp => sp.GetRequiredService<IOptions<ContentOptions>>().Value.Bitly.Resilience);
        }

        services.TryAddSingleton<ICaptionTemplater>(static sp => new CaptionTemplater(sp.GetRequiredService<IOptions<ContentOptions>>().Value));
        services.TryAddTransient<IUrlShortener>(static sp => new BitlyUrlShortener(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(BitlyUrlShortener.HttpClientName),
            sp.GetRequiredService<IOptions<ContentOptions>>().Value.Bitly,
            sp.GetService<ILogger<BitlyUrlShortener>>(),
            sp.GetService<TimeProvider>()));
        services.TryAddTransient<ICaptionComposer>(static sp => new CaptionComposer(
            sp.GetRequiredService<ICaptionTemplater>(),
            sp.GetRequiredService<IUrlShortener>(),
            sp.GetRequiredService<IOptions<ContentOptions>>().Value));
        return services;
    }

    private sealed record BoundSection(string Path);

    private sealed class HttpClientRegistered;
}
