using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Rizquna.Connectors.TikTok;

/// <summary>The connector's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>Rizquna.Connectors.TikTok</c>.</summary>
internal static class TikTokTelemetry
{
    public const string Name = "Rizquna.Connectors.TikTok";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Video bytes accepted by the upload host.</summary>
    public static readonly Counter<long> UploadedBytes = Meter.CreateCounter<long>("rizquna.tiktok.upload.bytes", "By");

    /// <summary>Publishes that reached an end state, tagged with it.</summary>
    public static readonly Counter<long> PublishEnded = Meter.CreateCounter<long>("rizquna.tiktok.publish.ended");

    /// <summary>Token refreshes, tagged with the outcome.</summary>
    public static readonly Counter<long> TokenRefreshes = Meter.CreateCounter<long>("rizquna.tiktok.token.refreshes");
}
