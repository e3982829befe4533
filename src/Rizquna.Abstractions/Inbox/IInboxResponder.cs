namespace Rizquna;

/// <summary>Replies to inbox items of one platform.</summary>
public interface IInboxResponder
{
    /// <summary>The platform this responder serves.</summary>
    PlatformId Platform { get; }

    /// <summary>Sends the reply.</summary>
    /// <exception cref="PlatformException">The platform refused (e.g. outside a messaging window: <see cref="PlatformErrorKind.Forbidden"/>).</exception>
    Task<ReplyResult> ReplyAsync(ReplyRequest request, CancellationToken cancellationToken = default);
}
