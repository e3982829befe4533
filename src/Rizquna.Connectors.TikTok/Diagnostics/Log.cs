using Microsoft.Extensions.Logging;

namespace Rizquna.Connectors.TikTok;

/// <summary>Source-generated log messages. Never pass a token or an upload URL: fingerprints and ids only.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "TikTok token of {Account} refreshed (credential {Fingerprint}, expires {ExpiresAt:O}, refresh token rotated: {Rotated})")]
    public static partial void TokenRefreshed(ILogger logger, string account, string fingerprint, DateTimeOffset? expiresAt, bool rotated);

    [LoggerMessage(2, LogLevel.Warning, "TikTok token refresh for {Account} failed: {Kind} {Code}")]
    public static partial void TokenRefreshFailed(ILogger logger, string account, PlatformErrorKind kind, string? code);

    [LoggerMessage(3, LogLevel.Information, "TikTok access token of {Account} was rejected; refreshing and retrying once")]
    public static partial void AccessTokenRejected(ILogger logger, string account);

    [LoggerMessage(4, LogLevel.Information, "TikTok publish {PublishId} for {Account} initialised ({Source}, {Mode})")]
    public static partial void PublishInitialised(ILogger logger, string publishId, string account, string source, TikTokPostMode mode);

    [LoggerMessage(5, LogLevel.Debug, "TikTok chunk {Index}/{Count} of {PublishId} sent ({ContentRange})")]
    public static partial void ChunkSent(ILogger logger, int index, int count, string publishId, string contentRange);

    [LoggerMessage(6, LogLevel.Information, "TikTok publish {PublishId} ended in {Status}")]
    public static partial void PublishEnded(ILogger logger, string publishId, string status);

    [LoggerMessage(7, LogLevel.Warning, "TikTok publish {PublishId} still {Status} after polling for {Elapsed}; handing back as processing")]
    public static partial void PollingGaveUp(ILogger logger, string publishId, string? status, TimeSpan elapsed);
}
