using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rizquna.Connectors.Meta.Facebook;
using Rizquna.Connectors.Meta.Graph;
using Rizquna.Connectors.Meta.Instagram;

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
    }
}
