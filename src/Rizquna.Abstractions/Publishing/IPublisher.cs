namespace Rizquna;

/// <summary>Publishes one post to one account of one platform.</summary>
public interface IPublisher
{
    /// <summary>The platform this publisher serves.</summary>
    PlatformId Platform { get; }

    /// <summary>What the platform accepts (text lengths, counting rule, media).</summary>
    PlatformLimits Limits { get; }

    /// <summary>Publishes the post.</summary>
    /// <exception cref="PlatformException">The platform refused, or the outcome is unknown (<see cref="PlatformErrorKind.OutcomeUnknown"/>).</exception>
    Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default);
}
