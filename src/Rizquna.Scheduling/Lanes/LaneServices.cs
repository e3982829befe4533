namespace Rizquna.Scheduling.Lanes;

/// <summary>Small helpers the lanes share.</summary>
internal static class LaneServices
{
    /// <summary>The first registered service per platform (a host registering two for one platform gets the first).</summary>
    public static Dictionary<PlatformId, T> ByPlatform<T>(IEnumerable<T>? services, Func<T, PlatformId> platform)
    {
        var map = new Dictionary<PlatformId, T>();
        foreach (var service in services ?? [])
        {
            map.TryAdd(platform(service), service);
        }

        return map;
    }
}
