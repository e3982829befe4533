namespace Rizquna.Connectors.TikTok;

/// <summary>The <c>privacy_level</c> values TikTok knows.</summary>
public static class TikTokPrivacyLevels
{
    /// <summary>Everyone.</summary>
    public const string PublicToEveryone = "PUBLIC_TO_EVERYONE";
    /// <summary>Mutual followers.</summary>
    public const string MutualFollowFriends = "MUTUAL_FOLLOW_FRIENDS";
    /// <summary>Followers.</summary>
    public const string FollowerOfCreator = "FOLLOWER_OF_CREATOR";
    /// <summary>Only the creator (the only level for unaudited apps).</summary>
    public const string SelfOnly = "SELF_ONLY";

    /// <summary>All known values.</summary>
    public static IReadOnlyList<string> All { get; } = [PublicToEveryone, MutualFollowFriends, FollowerOfCreator, SelfOnly];

    /// <summary>Whether <paramref name="value"/> is a known level (exact, upper case).</summary>
    public static bool IsKnown(string? value) => value is PublicToEveryone or MutualFollowFriends or FollowerOfCreator or SelfOnly;
}
