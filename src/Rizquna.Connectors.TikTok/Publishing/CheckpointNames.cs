namespace Rizquna.Connectors.TikTok;

/// <summary>Names under which the publisher notes its progress in the <see cref="IPublishCheckpointStore"/>.</summary>
internal static class CheckpointNames
{
    /// <summary>Written before init: <c>FILE_UPLOAD</c>, <c>PULL_FROM_URL</c> or <c>PHOTO</c>.</summary>
    public const string Source = "tiktok.source";

    /// <summary>Written before init: the post mode.</summary>
    public const string PostMode = "tiktok.post_mode";

    /// <summary>Written as soon as init answers: the id status/fetch takes.</summary>
    public const string PublishId = "tiktok.publish_id";

    /// <summary>Written before init when the creator's username is known, for permalinks.</summary>
    public const string Username = "tiktok.username";

    public const string PhotoSource = "PHOTO";
}
