namespace Rizquna;

/// <summary>
/// After an unknown outcome (timeout or 5xx after the request was sent), looks on the platform for the post
/// before anything is sent again.
/// </summary>
public interface IPublishReconciler
{
    /// <summary>The platform this reconciler serves.</summary>
    PlatformId Platform { get; }

    /// <summary>Looks for the post of <paramref name="request"/>, sent no earlier than <paramref name="attemptStartedAt"/>.</summary>
    Task<ReconcileResult> ReconcileAsync(PublishRequest request, DateTimeOffset attemptStartedAt, CancellationToken cancellationToken = default);
}
