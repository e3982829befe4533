namespace Rizquna.SampleHost.DryRun;

/// <summary>Stands in for a platform's publisher when it has no credentials: records the request, returns a marked result.</summary>
public sealed class DryRunPublisher(PlatformId platform, DryRunRecorder recorder, TimeProvider time) : IPublisher
{
    /// <inheritdoc />
    public PlatformId Platform => platform;

    /// <inheritdoc />
    public PlatformLimits Limits => KnownPlatformLimits.For(platform) ?? KnownPlatformLimits.Facebook;

    /// <inheritdoc />
    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var wouldSend = DryRunRequests.ForPost(request);
        var id = await recorder.RecordAsync("publish", request.Account, request.IdempotencyKey, wouldSend, cancellationToken);
        return new PublishResult(id, null, time.GetUtcNow())
        {
            Details = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["dry_run"] = "true",
                ["request"] = wouldSend.ToJsonString(),
            },
        };
    }
}

/// <summary>Stands in for a platform's responder when it has no credentials.</summary>
public sealed class DryRunResponder(PlatformId platform, DryRunRecorder recorder, TimeProvider time) : IInboxResponder
{
    /// <inheritdoc />
    public PlatformId Platform => platform;

    /// <inheritdoc />
    public async Task<ReplyResult> ReplyAsync(ReplyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = await recorder.RecordAsync("reply", request.InReplyTo.Account, request.IdempotencyKey, DryRunRequests.ForReply(request), cancellationToken);
        return new ReplyResult(id, time.GetUtcNow());
    }
}
