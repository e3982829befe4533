namespace Rizquna;

/// <summary>What the platform returned for a reply.</summary>
/// <param name="PlatformMessageId">The platform's id of the reply.</param>
/// <param name="SentAt">When it was accepted.</param>
public sealed record ReplyResult(string PlatformMessageId, DateTimeOffset SentAt);
