using Microsoft.Extensions.DependencyInjection.Extensions;
using Rizquna.Connectors.Meta;
using Rizquna.Connectors.TikTok;
using Rizquna.Connectors.Waha;
using Rizquna.SampleHost.DryRun;
using Rizquna.SampleHost.Health;

namespace Rizquna.SampleHost.Composition;

/// <summary>
/// Adds each connector with its <c>Rizquna:&lt;Platform&gt;</c> section (BaseAddress included) when the platform is
/// live; otherwise a dry-run publisher and responder take its place, so a fresh machine runs every lane for real
/// without calling anyone.
/// </summary>
internal static class ConnectorComposition
{
    public static IServiceCollection AddConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        var modes = PlatformModes.From(configuration);
        services.TryAddSingleton(modes);
        var credentials = CredentialsFromConfiguration.Load(configuration);
        services.TryAddSingleton<ICredentialStore>(credentials);
        services.TryAddSingleton<ICredentialProvider>(static sp => sp.GetRequiredService<ICredentialStore>());
        services.TryAddSingleton<DryRunRecorder>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHealthComponent, PlatformsHealth>());

        if (modes.IsLive("telegram"))
        {
            services.AddRizqunaTelegram(configuration.GetSection("Rizquna:Telegram"));
        }
        else
        {
            AddDryRun(services, PlatformId.Telegram);
        }

        if (modes.IsLive("whatsapp"))
        {
            services.AddRizqunaWaha(configuration.GetSection("Rizquna:Waha"));
        }
        else
        {
            AddDryRun(services, PlatformId.WhatsApp);
        }

        if (modes.IsLive("facebook") || modes.IsLive("instagram"))
        {
            services.AddRizqunaMeta(configuration.GetSection("Rizquna:Meta"));
        }
        else
        {
            AddDryRun(services, PlatformId.Facebook);
            AddDryRun(services, PlatformId.Instagram);
        }

        if (modes.IsLive("tiktok"))
        {
            services.AddRizqunaTikTok(configuration.GetSection("Rizquna:TikTok"));
        }
        else
        {
            AddDryRun(services, PlatformId.TikTok);
        }

        // With no admin chat configured, reports and alerts still go somewhere visible: the log.
        services.AddSingleton<IReporter, LogReporter>();
        return services;
    }

    private static void AddDryRun(IServiceCollection services, PlatformId platform)
    {
        services.AddSingleton<IPublisher>(sp => new DryRunPublisher(platform, sp.GetRequiredService<DryRunRecorder>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IInboxResponder>(sp => new DryRunResponder(platform, sp.GetRequiredService<DryRunRecorder>(), sp.GetRequiredService<TimeProvider>()));
    }
}

/// <summary><c>components.platforms</c> on <c>/health</c>: each platform's mode.</summary>
internal sealed class PlatformsHealth(PlatformModes modes) : IHealthComponent
{
    public string Name => "platforms";

    public ValueTask<ComponentStatus> CheckAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new ComponentStatus(true, string.Join(", ", modes.All.Select(static m => $"{m.Key}: {m.Value.Name}"))));
}
