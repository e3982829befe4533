namespace Rizquna;

/// <summary>
/// One account on one platform, as the plan knows it.
/// </summary>
/// <param name="Platform">The platform.</param>
/// <param name="Key">The plan's account key, e.g. <c>001</c>.</param>
/// <param name="PlatformAccountId">The platform-side id: a Page id, an Instagram user id, a chat id, a WAHA session…</param>
public sealed record AccountRef(PlatformId Platform, string Key, string PlatformAccountId)
{
    /// <summary>Stable text form <c>platform/key</c>, used in job names, logs and cursors.</summary>
    public override string ToString() => $"{Platform}/{Key}";
}
