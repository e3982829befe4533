using Microsoft.Extensions.DependencyInjection;

namespace Rizquna.Connectors.Meta;

/// <summary>The connector's platform services (publishers, inbox, tokens, webhooks), registered once.</summary>
internal static class MetaServiceRegistrations
{
    public static void Add(IServiceCollection services)
    {
    }
}
