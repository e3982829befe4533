using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rizquna;
using Rizquna.Connectors.Telegram;
using Rizquna.Connectors.Telegram.BotApi;
using Rizquna.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Telegram connector.</summary>
public static class TelegramServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Telegram connector bound to <paramref name="section"/> (conventionally <c>Rizquna:Telegram</c>):
    /// <see cref="TelegramPublisher"/>, <see cref="TelegramInboxPoller"/>, <see cref="TelegramResponder"/>,
    /// <see cref="TelegramReporter"/>, <see cref="TelegramTokenInspector"/> and <see cref="TelegramWebhook"/>, also
    /// registered as <see cref="IPublisher"/>, <see cref="IInboxPoller"/>, <see cref="IInboxResponder"/>,
    /// <see cref="IReporter"/> and <see cref="ITokenInspector"/>. Safe to call twice. Bot tokens come from the registered
    /// <see cref="ICredentialProvider"/> (the account's access token), else from <c>BotToken</c>.
    /// </summary>
    public static IServiceCollection AddRizqunaTelegram(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        // Binding the same section twice would append its lists (AllowedUpdates, AdminChatIds) to themselves.
        var bound = services.FirstOrDefault(static d => d.ServiceType == typeof(BoundSections))?.ImplementationInstance as BoundSections;
        if (bound is null)
        {
            bound = new BoundSections();
            services.AddSingleton(bound);
        }

        if (bound.Paths.Add(section.Path))
        {
            services.AddOptions<TelegramOptions>().Bind(section);
        }

        return services.AddTelegramCore();
    }

    /// <summary>Adds the Telegram connector configured in code; see <see cref="AddRizqunaTelegram(IServiceCollection, IConfigurationSection)"/>.</summary>
    public static IServiceCollection AddRizqunaTelegram(this IServiceCollection services, Action<TelegramOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TelegramOptions>().Configure(configure);
        return services.AddTelegramCore();
    }

    private static IServiceCollection AddTelegramCore(this IServiceCollection services)
    {
        services.AddOptions<TelegramOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The named client is registered once: a second call would add a second resilience handler.
        if (!services.Any(static d => d.ServiceType == typeof(BotApiClient)))
        {
            // AddHttpClient also registers logging, which the connector's classes use.
            services.AddHttpClient(BotApiClient.HttpClientName)
                .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan) // the resilience handler times calls
                // The factory's default loggers write the request URI, and the bot token is in its path: the connector logs instead.
                .RemoveAllLoggers()
                .AddRizqunaResilience(static sp => sp.GetRequiredService<IOptions<TelegramOptions>>().Value.Resilience);
        }

        services.TryAddSingleton(static sp => new BotTokenSource(
            sp.GetRequiredService<IOptions<TelegramOptions>>(), sp.GetService<ICredentialProvider>()));
        services.TryAddSingleton<BotApiClient>();
        services.TryAddSingleton(static sp => new TelegramPacer(
            sp.GetRequiredService<IOptions<TelegramOptions>>().Value.Pacing, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ChatMigrations>();
        services.TryAddSingleton<ChatSender>();

        services.TryAddSingleton(static sp => new TelegramPublisher(
            sp.GetRequiredService<BotApiClient>(), sp.GetRequiredService<ChatSender>(), sp.GetRequiredService<IOptions<TelegramOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TelegramPublisher>>()));
        services.TryAddSingleton(static sp => new TelegramInboxPoller(
            sp.GetRequiredService<BotApiClient>(), sp.GetRequiredService<IOptions<TelegramOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(static sp => new TelegramResponder(
            sp.GetRequiredService<BotApiClient>(), sp.GetRequiredService<ChatSender>(), sp.GetRequiredService<IOptions<TelegramOptions>>()));
        services.TryAddSingleton(static sp => new TelegramReporter(
            sp.GetRequiredService<BotApiClient>(), sp.GetRequiredService<ChatSender>(), sp.GetRequiredService<IOptions<TelegramOptions>>(),
            sp.GetRequiredService<ILogger<TelegramReporter>>()));
        services.TryAddSingleton(static sp => new TelegramTokenInspector(sp.GetRequiredService<BotApiClient>()));
        services.TryAddSingleton(static sp => new TelegramWebhook(
            sp.GetRequiredService<IOptions<TelegramOptions>>(), sp.GetRequiredService<TimeProvider>()));

        // Other connectors register the same interfaces: added to the set, once each.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPublisher, TelegramPublisher>(static sp => sp.GetRequiredService<TelegramPublisher>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInboxPoller, TelegramInboxPoller>(static sp => sp.GetRequiredService<TelegramInboxPoller>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInboxResponder, TelegramResponder>(static sp => sp.GetRequiredService<TelegramResponder>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReporter, TelegramReporter>(static sp => sp.GetRequiredService<TelegramReporter>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITokenInspector, TelegramTokenInspector>(static sp => sp.GetRequiredService<TelegramTokenInspector>()));
        return services;
    }

    /// <summary>The configuration paths already bound to <see cref="TelegramOptions"/>.</summary>
    private sealed class BoundSections
    {
        public HashSet<string> Paths { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
