using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rizquna.Connectors.Meta.Facebook;
using Rizquna.Connectors.Meta.Graph;
using Rizquna.Connectors.Meta.Inbox;
using Rizquna.Connectors.Meta.Instagram;
using Rizquna.Connectors.Meta.Tokens;
using Rizquna.Connectors.Meta.Webhooks;

namespace Rizquna.Connectors.Meta;

/// <summary>
/// The connector's platform services, each under its Abstractions interface (resolve them as
/// <c>IEnumerable&lt;IPublisher&gt;</c> and pick by <c>Platform</c>).
/// </summary>
internal static class MetaServiceRegistrations
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Transient<IPublisher, FacebookPagePublisher>(static sp => new FacebookPagePublisher(sp.GetRequiredService<GraphClient>())));
        services.TryAddEnumerable(ServiceDescriptor.Transient<IPublisher, InstagramPublisher>(static sp => new InstagramPublisher(
            sp.GetRequiredService<GraphClient>(), sp.GetRequiredService<IPublishCheckpointStore>(), sp.GetService<IMediaHost>())));
        services.TryAddEnumerable(ServiceDescriptor.Transient<IPublishReconciler, FacebookReconciler>(static sp => new FacebookReconciler(sp.GetRequiredService<GraphClient>())));
        services.TryAddEnumerable(ServiceDescriptor.Transient<IPublishReconciler, InstagramReconciler>(static sp => new InstagramReconciler(
            sp.GetRequiredService<GraphClient>(), sp.GetRequiredService<IPublishCheckpointStore>())));
        services.TryAddEnumerable(ServiceDescriptor.Transient<IInboxPoller, FacebookInbox>(static sp => new FacebookInbox(sp.GetRequiredService<GraphClient>())));
        services.TryAddEnumerable(ServiceDescriptor.Transient<IInboxPoller, InstagramInbox>(static sp => new InstagramInbox(sp.GetRequiredService<GraphClient>())));
        services.TryAddEnumerable(ServiceDescriptor.Transient<IInboxResponder, FacebookResponder>(static sp => new FacebookResponder(sp.GetRequiredService<GraphClient>())));
        services.TryAddEnumerable(ServiceDescriptor.Transient<IInboxResponder, InstagramResponder>(static sp => new InstagramResponder(sp.GetRequiredService<GraphClient>())));
        services.TryAddEnumerable(ServiceDescriptor.Transient<ITokenInspector, FacebookTokenInspector>(static sp => new FacebookTokenInspector(sp.GetRequiredService<GraphClient>())));
        services.TryAddEnumerable(ServiceDescriptor.Transient<ITokenInspector, InstagramTokenInspector>(static sp => new InstagramTokenInspector(sp.GetRequiredService<GraphClient>())));
        services.TryAddSingleton<MetaWebhookVerifier>();
        services.TryAddSingleton<MetaWebhookParser>();
    }
}
