namespace Rizquna;

/// <summary>What the platform returned for a publish.</summary>
/// <param name="PlatformPostId">The platform's id of the post (or of the publish, where no post id exists yet).</param>
/// <param name="Permalink">The public URL of the post, when the platform gives one.</param>
/// <param name="PublishedAt">When the platform accepted the post.</param>
public sealed record PublishResult(string PlatformPostId, Uri? Permalink, DateTimeOffset PublishedAt)
{
    /// <summary>Live, scheduled, in the user's inbox or still processing.</summary>
    public PublishState State { get; init; } = PublishState.Published;

    /// <summary>Extra facts worth recording, e.g. <c>telegram.migrated_chat_id</c>.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = Post.EmptyMetadata;
}
